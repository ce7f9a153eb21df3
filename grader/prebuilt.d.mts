export declare const ROOT: string;
export declare const PREBUILT_DIRS: readonly string[];
export declare const PREBUILT_ENTRY: string;
export declare const FINGERPRINT_FILE: string;
export declare function sourceFingerprint(root?: string): Promise<string>;
export declare function freshPrebuilt(root?: string): Promise<string | undefined>;
