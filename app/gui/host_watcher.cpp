#include "host_watcher.hpp"

#include <QSocketNotifier>

#include <array>
#include <cerrno>
#include <cstring>

#include <linux/netlink.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {

constexpr unsigned kKernelGroup = 1;  // the kernel's own uevents (udev's rebroadcasts are group 2)

}  // namespace

HostWatcher::HostWatcher(QObject* parent) : QObject(parent) {
    settle_.setSingleShot(true);
    settle_.setInterval(150);
    connect(&settle_, &QTimer::timeout, this, &HostWatcher::hostChanged);
}

HostWatcher::~HostWatcher() { stop(); }

bool HostWatcher::start() {
    if (fd_ >= 0) return true;
    const int fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_KOBJECT_UEVENT);
    if (fd < 0) {
        why_ = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    sockaddr_nl address{};
    address.nl_family = AF_NETLINK;
    address.nl_groups = kKernelGroup;
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        why_ = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return false;
    }
    fd_ = fd;
    notifier_ = new QSocketNotifier(fd_, QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, &HostWatcher::readSocket);
    return true;
}

void HostWatcher::stop() {
    delete notifier_;
    notifier_ = nullptr;
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

void HostWatcher::readSocket() {
    std::array<char, 8192> buffer{};
    for (;;) {
        const ssize_t n = ::recv(fd_, buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (n <= 0) return;  // EAGAIN: all read; an error: the next event tries again
        handleUevent(QByteArray(buffer.data(), n));
    }
}

bool HostWatcher::handleUevent(const QByteArray& message) {
    // "bind@/devices/pci0000:00/0000:00:01.0/0000:01:00.0\0ACTION=bind\0DEVPATH=...\0SUBSYSTEM=pci\0..."
    const QList<QByteArray> fields = message.split('\0');
    QByteArray action, subsystem;
    for (const QByteArray& f : fields) {
        if (f.startsWith("ACTION=")) action = f.mid(7);
        else if (f.startsWith("SUBSYSTEM=")) subsystem = f.mid(10);
    }
    // An IOMMU group appears or goes with its devices; drivers come and go on PCI devices.
    const bool pci = subsystem == "pci" || subsystem == "iommu_groups" || subsystem == "vfio";
    const bool relevant = action == "add" || action == "remove" || action == "bind" || action == "unbind" ||
                          action == "change" || action == "move";
    if (!pci || !relevant) return false;
    settle_.start();  // (re)started: a burst gives one hostChanged()
    return true;
}

}  // namespace isola::gui
