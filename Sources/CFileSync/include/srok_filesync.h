#ifndef SROK_FILESYNC_H
#define SROK_FILESYNC_H

/// Asks the kernel to start writing `length` bytes at `offset` of `fd` to disk without waiting
/// (Linux `sync_file_range(SYNC_FILE_RANGE_WRITE)`), so that a long output's final fsync has
/// little left to do. Returns 0, or -1 with errno set; a no-op returning 0 elsewhere.
int srok_start_writeback(int fd, long long offset, long long length);

/// `flock(2)`, which Swift cannot name (a structure of the same name hides the function).
int srok_flock(int fd, int operation);

#endif
