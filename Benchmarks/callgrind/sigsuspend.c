// Preloaded into a bot that runs under valgrind 3.19 (Debian 12's) to count its instructions.
// An async Swift program parks its main thread in libdispatch, which calls sigsuspend with a
// signal mask in read-only memory; valgrind 3.19 writes to that mask and crashes on it. This
// sigsuspend hands the kernel a writable copy instead, which changes nothing else.
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    // The kernel's sigset is 64 bits, not glibc's 1024.
    return (int)syscall(SYS_rt_sigsuspend, &copy, 8);
}
