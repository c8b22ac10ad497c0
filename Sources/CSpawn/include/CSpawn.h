#ifndef C_SPAWN_H
#define C_SPAWN_H

// Two GNU extensions that Swift's Glibc module does not declare, for the tests' child processes:
// a test's descriptors must never outlive it in a child another test spawned meanwhile (a
// PostgreSQL server left running would hold a pipe's write end or a socket open for good).

/// pipe2(2) with O_CLOEXEC: both ends close-on-exec from the start. 0, or -1 with errno set.
int c_pipe_cloexec(int descriptors[2]);

/// posix_spawn_file_actions_addclosefrom_np on `actions`, a posix_spawn_file_actions_t (untyped
/// here so that this header declares no system type of its own): the child closes every
/// descriptor from `lowest` up, after the file actions added before, so 0 to 2 set up below
/// `lowest` stay. 0, or an error number.
int c_spawn_close_from(void *actions, int lowest);

#endif
