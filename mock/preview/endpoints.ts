import * as v from 'valibot'
import { mockEndpoints as contractMockEndpoints } from '../../src/contract/mock-tools'
import { defineEndpoint } from '../../src/contract/all'
import { PERSONA_IDS } from '../seed/personas'

// The operator tools' contract lives with the app's (src/contract/mock-tools.ts: the preview console uses it);
// the mock only narrows what it can check better, like the persona ids it seeded.
export * from '../../src/contract/mock-tools'

export const mockEndpoints = {
  ...contractMockEndpoints,
  mockPersona: defineEndpoint({
    ...contractMockEndpoints.mockPersona,
    body: v.object({ id: v.picklist(PERSONA_IDS) }),
  }),
} as const
