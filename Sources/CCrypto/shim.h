#ifndef MAATSTAF_CCRYPTO_SHIM_H
#define MAATSTAF_CCRYPTO_SHIM_H

// OpenSSL's libcrypto (Debian libssl-dev) gives maatstaf a fast, audited SHA-256 for cache entries and
// snapshot provenance: the one-shot EVP digest for bytes held whole, and an incremental one for a response body
// hashed piece by piece as curl hands it over (so the bytes are read once, while they are still in the CPU's cache).
#include <openssl/evp.h>

static inline int mst_sha256(const void *data, size_t count, unsigned char *digest32) {
    unsigned int length = 0;
    return EVP_Digest(data, count, digest32, &length, EVP_sha256(), NULL);
}

/// A new SHA-256 context, or NULL when OpenSSL cannot make one (then the caller hashes the body whole).
static inline EVP_MD_CTX *mst_sha256_begin(void) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context != NULL && EVP_DigestInit_ex(context, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(context);
        return NULL;
    }
    return context;
}

static inline int mst_sha256_update(EVP_MD_CTX *context, const void *data, size_t count) {
    return EVP_DigestUpdate(context, data, count);
}

/// Writes the digest and frees the context (which must not be used again).
static inline int mst_sha256_finish(EVP_MD_CTX *context, unsigned char *digest32) {
    unsigned int length = 0;
    int ok = EVP_DigestFinal_ex(context, digest32, &length);
    EVP_MD_CTX_free(context);
    return ok;
}

static inline void mst_sha256_discard(EVP_MD_CTX *context) {
    EVP_MD_CTX_free(context);
}

#endif
