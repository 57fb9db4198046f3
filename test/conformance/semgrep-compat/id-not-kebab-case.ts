// ruleid: detect-pseudoRandomBytes
crypto.pseudoRandomBytes;
