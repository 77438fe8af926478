// Types of the network guard setup file (network-guard.js).
/** The `code` of the error a refused connection or lookup fails with. */
export declare const NETWORK_GUARD_CODE = 'ERR_TEST_NETWORK_REFUSED';
/** True for an IP literal on this host: 127.0.0.0/8, ::1, their IPv4-mapped forms, 0.0.0.0 and ::. */
export declare function isLoopbackAddress(address: string): boolean;
/** The refusals recorded since the last call (and forgets them): for tests that provoke one on purpose. */
export declare function takeRefusals(): string[];
/** Lets the rest of this test file reach the network; the file's end turns the guard back on. */
export declare function allowNetworkForThisFile(): void;
