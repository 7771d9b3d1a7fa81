#ifndef MAATSTAF_CCURL_SHIM_H
#define MAATSTAF_CCURL_SHIM_H

// Swift cannot call C variadic functions, so curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are
// wrapped here in typed, non-variadic inline functions: one per argument type curl accepts.
#include <curl/curl.h>

static inline CURLcode mst_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode mst_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode mst_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode mst_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*mst_data_callback)(char *buffer, size_t size, size_t count, void *userdata);

static inline CURLcode mst_easy_setopt_data_callback(CURL *handle, CURLoption option, mst_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode mst_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode mst_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode mst_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode mst_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode mst_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

/// The message curl_multi_info_read returns is a struct with a union; Swift reads the union awkwardly.
static inline CURLcode mst_message_result(const CURLMsg *message) {
    return message->data.result;
}

#endif
