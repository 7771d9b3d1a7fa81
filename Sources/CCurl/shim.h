#ifndef MAATSTAF_CCURL_SHIM_H
#define MAATSTAF_CCURL_SHIM_H

// libcurl is loaded when the first transfer is set up, not when maatstaf starts: its chain of shared libraries
// (TLS, Kerberos, LDAP, HTTP/2, …) is about 25 of the 43 the program needs, and the dynamic loader's work on them
// is paid by every command, also the many that never touch the network (compare, rank, report from the store).
// Every curl function maatstaf calls goes through an `mst_` function below, which looks it up in libcurl.so.4 on
// first use. Swift cannot call C variadic functions either, so curl_easy_setopt, curl_easy_getinfo and
// curl_multi_setopt have typed, non-variadic wrappers, one per argument type curl accepts.
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    const char *(*easy_strerror)(CURLcode);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd[], unsigned int, int, int *);
    CURLMcode (*multi_wakeup)(CURLM *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLcode (*easy_perform)(CURL *);
} mst_curl_functions;

#if defined(__APPLE__)
#define MST_CURL_LIBRARY "libcurl.4.dylib"
#else
#define MST_CURL_LIBRARY "libcurl.so.4"
#endif

static inline void *mst_curl_symbol(void *library, const char *name) {
    void *symbol = dlsym(library, name);
    if (symbol == NULL) {
        fprintf(stderr, "maatstaf: %s lacks %s / mist %s (libcurl 7.68 or newer is needed / nodig)\n",
                MST_CURL_LIBRARY, name, name);
        exit(69);
    }
    return symbol;
}

static inline void mst_curl_load(mst_curl_functions *table) {
    void *library = dlopen(MST_CURL_LIBRARY, RTLD_NOW | RTLD_GLOBAL);
    if (library == NULL) {
        // Exit 69 as for any network failure: no transfer can start without it.
        fprintf(stderr,
                "maatstaf: cannot load / kan niet laden: %s (%s). Install libcurl (Debian: apt-get install libcurl4).\n",
                MST_CURL_LIBRARY, dlerror());
        exit(69);
    }
    table->global_init = (CURLcode (*)(long))mst_curl_symbol(library, "curl_global_init");
    table->easy_init = (CURL * (*)(void)) mst_curl_symbol(library, "curl_easy_init");
    table->easy_cleanup = (void (*)(CURL *))mst_curl_symbol(library, "curl_easy_cleanup");
    table->easy_setopt = (CURLcode (*)(CURL *, CURLoption, ...))mst_curl_symbol(library, "curl_easy_setopt");
    table->easy_getinfo = (CURLcode (*)(CURL *, CURLINFO, ...))mst_curl_symbol(library, "curl_easy_getinfo");
    table->easy_strerror = (const char *(*)(CURLcode))mst_curl_symbol(library, "curl_easy_strerror");
    table->multi_init = (CURLM * (*)(void)) mst_curl_symbol(library, "curl_multi_init");
    table->multi_cleanup = (CURLMcode (*)(CURLM *))mst_curl_symbol(library, "curl_multi_cleanup");
    table->multi_setopt = (CURLMcode (*)(CURLM *, CURLMoption, ...))mst_curl_symbol(library, "curl_multi_setopt");
    table->multi_add_handle = (CURLMcode (*)(CURLM *, CURL *))mst_curl_symbol(library, "curl_multi_add_handle");
    table->multi_remove_handle = (CURLMcode (*)(CURLM *, CURL *))mst_curl_symbol(library, "curl_multi_remove_handle");
    table->multi_perform = (CURLMcode (*)(CURLM *, int *))mst_curl_symbol(library, "curl_multi_perform");
    table->multi_poll = (CURLMcode (*)(CURLM *, struct curl_waitfd[], unsigned int, int, int *))mst_curl_symbol(
        library, "curl_multi_poll");
    table->multi_wakeup = (CURLMcode (*)(CURLM *))mst_curl_symbol(library, "curl_multi_wakeup");
    table->multi_info_read = (CURLMsg * (*)(CURLM *, int *)) mst_curl_symbol(library, "curl_multi_info_read");
    table->slist_append =
        (struct curl_slist * (*)(struct curl_slist *, const char *)) mst_curl_symbol(library, "curl_slist_append");
    table->slist_free_all = (void (*)(struct curl_slist *))mst_curl_symbol(library, "curl_slist_free_all");
    table->easy_perform = (CURLcode (*)(CURL *))mst_curl_symbol(library, "curl_easy_perform");
}

// The table, filled once. A header's `static` data and functions may be emitted more than once (per object file that
// uses them), each copy with its own table: each fills it once from the same loaded library, so they agree.
// (Function-local: Swift emits a header's functions, with their statics, but not its file-scope variables.)
static inline mst_curl_functions *mst_curl_storage(void) {
    static mst_curl_functions table;
    return &table;
}

static inline pthread_once_t *mst_curl_once(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    return &once;
}

static inline void mst_curl_fill(void) { mst_curl_load(mst_curl_storage()); }

static inline const mst_curl_functions *mst_curl_table(void) {
    pthread_once(mst_curl_once(), mst_curl_fill);
    return mst_curl_storage();
}

static inline CURLcode mst_global_init(long flags) { return mst_curl_table()->global_init(flags); }
static inline CURL *mst_easy_init(void) { return mst_curl_table()->easy_init(); }
static inline void mst_easy_cleanup(CURL *handle) { mst_curl_table()->easy_cleanup(handle); }
static inline const char *mst_easy_strerror(CURLcode code) { return mst_curl_table()->easy_strerror(code); }
static inline CURLM *mst_multi_init(void) { return mst_curl_table()->multi_init(); }
static inline CURLMcode mst_multi_cleanup(CURLM *multi) { return mst_curl_table()->multi_cleanup(multi); }
static inline CURLMcode mst_multi_add_handle(CURLM *multi, CURL *easy) {
    return mst_curl_table()->multi_add_handle(multi, easy);
}
static inline CURLMcode mst_multi_remove_handle(CURLM *multi, CURL *easy) {
    return mst_curl_table()->multi_remove_handle(multi, easy);
}
static inline CURLMcode mst_multi_perform(CURLM *multi, int *running) {
    return mst_curl_table()->multi_perform(multi, running);
}
static inline CURLMcode mst_multi_poll(CURLM *multi, struct curl_waitfd extra[], unsigned int count, int timeout,
                                       int *numfds) {
    return mst_curl_table()->multi_poll(multi, extra, count, timeout, numfds);
}
static inline CURLMcode mst_multi_wakeup(CURLM *multi) { return mst_curl_table()->multi_wakeup(multi); }
static inline CURLMsg *mst_multi_info_read(CURLM *multi, int *queued) {
    return mst_curl_table()->multi_info_read(multi, queued);
}
static inline struct curl_slist *mst_slist_append(struct curl_slist *list, const char *text) {
    return mst_curl_table()->slist_append(list, text);
}
static inline void mst_slist_free_all(struct curl_slist *list) { mst_curl_table()->slist_free_all(list); }
static inline CURLcode mst_easy_perform(CURL *handle) { return mst_curl_table()->easy_perform(handle); }

static inline CURLcode mst_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return mst_curl_table()->easy_setopt(handle, option, value);
}

static inline CURLcode mst_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return mst_curl_table()->easy_setopt(handle, option, value);
}

static inline CURLcode mst_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return mst_curl_table()->easy_setopt(handle, option, value);
}

static inline CURLcode mst_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return mst_curl_table()->easy_setopt(handle, option, value);
}

typedef size_t (*mst_data_callback)(char *buffer, size_t size, size_t count, void *userdata);

static inline CURLcode mst_easy_setopt_data_callback(CURL *handle, CURLoption option, mst_data_callback value) {
    return mst_curl_table()->easy_setopt(handle, option, value);
}

static inline CURLcode mst_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return mst_curl_table()->easy_getinfo(handle, info, value);
}

static inline CURLcode mst_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return mst_curl_table()->easy_getinfo(handle, info, value);
}

static inline CURLcode mst_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return mst_curl_table()->easy_getinfo(handle, info, value);
}

static inline CURLcode mst_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return mst_curl_table()->easy_getinfo(handle, info, value);
}

static inline CURLMcode mst_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return mst_curl_table()->multi_setopt(handle, option, value);
}

/// The message curl_multi_info_read returns is a struct with a union; Swift reads the union awkwardly.
static inline CURLcode mst_message_result(const CURLMsg *message) {
    return message->data.result;
}

#endif
