// The HTTP module: an async HTTP client on libcurl's multi interface (issue 3).
