#define _GNU_SOURCE
#include <fcntl.h>
#include "srok_filesync.h"

int srok_start_writeback(int fd, long long offset, long long length) {
#if defined(__linux__)
    return sync_file_range(fd, (off_t)offset, (off_t)length, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd; (void)offset; (void)length;
    return 0;
#endif
}

#include <sys/file.h>

int srok_flock(int fd, int operation) {
    return flock(fd, operation);
}
