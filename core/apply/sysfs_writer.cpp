#include "apply/sysfs_writer.hpp"

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace isola {

WriteResult KernelSysfsWriter::write(const std::filesystem::path& file, std::string_view value,
                                     std::chrono::milliseconds deadline) {
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return {.error = errno};
    const std::string path = file.string();
    const pid_t child = ::fork();
    if (child < 0) {
        const int err = errno;
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        return {.error = err};
    }
    if (child == 0) {
        // Only async-signal-safe calls from here: the parent may have other threads.
        ::close(pipe_fds[0]);
        int err = 0;
        // O_TRUNC as a shell's ">" does: sysfs ignores it; a regular file (a fixture tree) needs it.
        const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) {
            err = errno;
        } else {
            // sysfs takes an attribute in one write(); a short write is a refusal of the rest.
            const ssize_t n = ::write(fd, value.data(), value.size());
            if (n < 0) err = errno;
            else if (static_cast<std::size_t>(n) != value.size()) err = EIO;
            if (::close(fd) != 0 && err == 0) err = errno;
        }
        [[maybe_unused]] const ssize_t sent = ::write(pipe_fds[1], &err, sizeof err);
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    pollfd p{.fd = pipe_fds[0], .events = POLLIN, .revents = 0};
    int ready;
    do ready = ::poll(&p, 1, static_cast<int>(deadline.count()));
    while (ready < 0 && errno == EINTR);
    if (ready <= 0) {
        ::close(pipe_fds[0]);
        // The child is stuck in the kernel; reap it whenever it gets out, without waiting here.
        std::thread([child] { ::waitpid(child, nullptr, 0); }).detach();
        return {.timed_out = true};
    }
    int err = EIO;  // the child died before it could say
    if (::read(pipe_fds[0], &err, sizeof err) != static_cast<ssize_t>(sizeof err)) err = EIO;
    ::close(pipe_fds[0]);
    while (::waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
    }
    return {.error = err};
}

}  // namespace isola
