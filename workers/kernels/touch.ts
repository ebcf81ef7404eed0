/**
 * Returns a payload's length and its last byte, read on the worker's side: proof that the data arrived, at almost no
 * cost of its own, so that timing a payload's trip measures the messaging (copy, transfer or shared), not the kernel.
 */
export function touchBytes(bytes: Uint8Array): { length: number; last: number } {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('touchBytes needs a Uint8Array');
  return { length: bytes.length, last: bytes.length ? bytes[bytes.length - 1]! : -1 };
}
