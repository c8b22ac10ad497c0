#include "CCurlShim.h"

CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value) { return curl_easy_setopt(handle, option, value); }
CURLcode ccurl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) { return curl_easy_setopt(handle, option, value); }
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value) { return curl_easy_setopt(handle, option, value); }
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value) { return curl_easy_setopt(handle, option, value); }
CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) { return curl_easy_setopt(handle, option, value); }
CURLcode ccurl_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback callback) { return curl_easy_setopt(handle, option, callback); }
CURLcode ccurl_setopt_read_callback(CURL *handle, CURLoption option, curl_read_callback callback) { return curl_easy_setopt(handle, option, callback); }
CURLcode ccurl_setopt_xferinfo_callback(CURL *handle, curl_xferinfo_callback callback) { return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback); }

CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *out) { return curl_easy_getinfo(handle, info, out); }
CURLcode ccurl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *out) { return curl_easy_getinfo(handle, info, out); }
CURLcode ccurl_getinfo_double(CURL *handle, CURLINFO info, double *out) { return curl_easy_getinfo(handle, info, out); }
CURLcode ccurl_getinfo_pointer(CURL *handle, CURLINFO info, void **out) { return curl_easy_getinfo(handle, info, out); }
CURLcode ccurl_getinfo_socket(CURL *handle, curl_socket_t *out) { return curl_easy_getinfo(handle, CURLINFO_ACTIVESOCKET, out); }

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) { return curl_multi_setopt(multi, option, value); }
