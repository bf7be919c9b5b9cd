// Follows the host: the kernel's uevents (the netlink socket udev itself reads, which any user may
// listen to) for PCI devices — add, remove, bind, unbind, change — coalesced into one hostChanged()
// per burst, so a driver change or a hotplug is shown within a second without polling. A bind of a
// whole group is one burst: the window reloads once.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QSocketNotifier;

namespace isola::gui {

class HostWatcher : public QObject {
    Q_OBJECT

public:
    explicit HostWatcher(QObject* parent = nullptr);
    ~HostWatcher() override;

    // Starts listening; false (and why()) when the socket cannot be opened (no netlink in a
    // container, a seccomp filter): the window then says it does not follow the host.
    bool start();
    void stop();
    [[nodiscard]] bool listening() const { return fd_ >= 0; }
    [[nodiscard]] QString why() const { return why_; }
    // How long a burst of events is collected before hostChanged() (default 150 ms).
    void setSettleTime(int ms) { settle_.setInterval(ms); }

    // One uevent as the kernel sends it ("ACTION@DEVPATH\0KEY=VALUE\0..."). The socket's reader and
    // the tests both come through here. True when it concerns a PCI device.
    bool handleUevent(const QByteArray& message);

Q_SIGNALS:
    void hostChanged();

private:
    void readSocket();

    int fd_ = -1;
    QSocketNotifier* notifier_ = nullptr;
    QTimer settle_;
    QString why_;
};

}  // namespace isola::gui
