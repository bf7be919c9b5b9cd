// Export: the VM configuration for the plan's devices in every format core knows (libvirt,
// QEMU, Proxmox, cloud-hypervisor, kernel command line, modprobe.d, driverctl), with a live
// preview of exactly what core's export_config() renders, its warnings, and Copy / Save.
#pragma once

#include <QDialog>

#include <vector>

#include "export/export_config.hpp"
#include "topology/topology.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace isola::gui {

class ExportDialog : public QDialog {
    Q_OBJECT

public:
    // `topology` must outlive the dialog; `devices`: what the person chose (the closure is core's).
    ExportDialog(const Topology& topology, std::vector<Bdf> devices, QWidget* parent = nullptr);

    void setFormat(ExportFormat format);
    [[nodiscard]] QString previewText() const;
    [[nodiscard]] QString warningText() const;
    // Writes the preview to `path` (atomically); the sentence why not, or nothing.
    std::optional<QString> saveTo(const QString& path) const;
    [[nodiscard]] QCheckBox* iommufdBox() const { return iommufd_; }

private:
    void render();

    const Topology& topology_;
    std::vector<Bdf> devices_;
    QComboBox* format_;
    QCheckBox* managed_;
    QCheckBox* iommufd_;
    QCheckBox* romBarOff_;
    QCheckBox* xvga_;
    QPlainTextEdit* preview_;
    QLabel* warnings_;
    QPushButton* copy_;
    QPushButton* save_;
    bool ok_ = false;
};

}  // namespace isola::gui
