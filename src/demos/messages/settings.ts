import { MAX_SUM_N } from '../../../workers/kernels/sum';
import { choice, integer } from '../../settings';

const MAX_CHUNKS = 16_384;

export function messagesSchema() {
  return {
    payloadMb: choice({
      label: 'Largest payload',
      options: [
        { value: '1', label: '1 MB' },
        { value: '4', label: '4 MB' },
        { value: '16', label: '16 MB' },
        { value: '64', label: '64 MB' },
      ],
      default: '64',
      help: 'Payloads grow ×4 from 1 KB up to this size',
    }),
    // Shown with what it means; messages name it short ("N must be from …").
    n: {
      ...integer({ label: 'N', min: 1_000_000, max: MAX_SUM_N, default: 10_000_000, help: '1e6 to 4e9 additions' }),
      label: 'N (total work)',
    },
    chunks: integer({
      label: 'Most chunks',
      step: 'double',
      min: 1,
      max: MAX_CHUNKS,
      default: 4096,
      help: `1 to ${MAX_CHUNKS.toLocaleString('en')}`,
    }),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = () => messagesSchema();

export type MessagesSchema = ReturnType<typeof messagesSchema>;
