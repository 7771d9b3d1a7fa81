#ifndef MAATSTAF_CCRYPTO_SHIM_H
#define MAATSTAF_CCRYPTO_SHIM_H

// OpenSSL's libcrypto (Debian libssl-dev) gives maatstaf a fast, audited SHA-256 for cache entries and
// snapshot provenance; only the one-shot EVP digest is used.
#include <openssl/evp.h>

static inline int mst_sha256(const void *data, size_t count, unsigned char *digest32) {
    unsigned int length = 0;
    return EVP_Digest(data, count, digest32, &length, EVP_sha256(), NULL);
}

#endif
