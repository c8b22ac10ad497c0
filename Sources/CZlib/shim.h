#include <zlib.h>

/* inflateInit is a function-like macro, which Swift does not import. */
static inline int czlib_inflate_init(z_streamp stream) { return inflateInit(stream); }

/* deflateInit is a macro too; the tests and the gateway simulator compress with it. */
static inline int czlib_deflate_init(z_streamp stream, int level) { return deflateInit(stream, level); }
