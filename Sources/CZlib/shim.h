#include <zlib.h>

/* inflateInit is a function-like macro, which Swift does not import. */
static inline int czlib_inflate_init(z_streamp stream) { return inflateInit(stream); }
