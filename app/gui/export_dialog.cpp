#include "export_dialog.hpp"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

#include "save_file.hpp"

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {

QString format_label(ExportFormat f) {
    switch (f) {
        case ExportFormat::LibvirtHostdev: return ExportDialog::tr("libvirt domain XML (<hostdev>)");
        case ExportFormat::QemuArgs: return ExportDialog::tr("QEMU command line (-device vfio-pci)");
        case ExportFormat::Proxmox: return ExportDialog::tr("Proxmox VE (hostpciN lines)");
        case ExportFormat::CloudHypervisor: return ExportDialog::tr("Cloud Hypervisor (--device)");
        case ExportFormat::KernelCmdline: return ExportDialog::tr("Kernel command line (vfio-pci.ids)");
        case ExportFormat::ModprobeD: return ExportDialog::tr("modprobe.d (options vfio-pci ids)");
        case ExportFormat::Driverctl: return ExportDialog::tr("driverctl (by address)");
    }
    return {};
}

}  // namespace

ExportDialog::ExportDialog(const Topology& topology, std::vector<Bdf> devices, QWidget* parent)
    : QDialog(parent), topology_(topology), devices_(std::move(devices)), format_(new QComboBox),
      managed_(new QCheckBox(tr("libvirt &manages the host driver (managed='yes')"))),
      iommufd_(new QCheckBox(tr("&iommufd backend instead of the VFIO container"))),
      romBarOff_(new QCheckBox(tr("Hide the option &ROM (rombar=0)"))),
      xvga_(new QCheckBox(tr("Primary &GPU with legacy VGA (x-vga)"))), preview_(new QPlainTextEdit), warnings_(new QLabel),
      copy_(new QPushButton(tr("&Copy"))), save_(new QPushButton(tr("&Save…"))) {
    setWindowTitle(tr("Export VM Configuration"));
    for (ExportFormat f : all_export_formats()) format_->addItem(format_label(f), static_cast<int>(f));
    format_->setAccessibleName(tr("Format"));
    managed_->setChecked(true);
    preview_->setReadOnly(true);
    preview_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    preview_->setLineWrapMode(QPlainTextEdit::NoWrap);
    preview_->setAccessibleName(tr("Preview"));
    warnings_->setWordWrap(true);
    warnings_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), format_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    for (QCheckBox* b : {managed_, iommufd_, romBarOff_, xvga_}) layout->addWidget(b);
    layout->addWidget(preview_, 1);
    layout->addWidget(warnings_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(copy_, QDialogButtonBox::ActionRole);
    buttons->addButton(save_, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy_, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(previewText()); });
    connect(save_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save VM Configuration"));
        if (path.isEmpty()) return;
        if (auto error = saveTo(path)) QMessageBox::warning(this, tr("Save VM Configuration"), *error);
    });
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::render);
    for (QCheckBox* b : {managed_, iommufd_, romBarOff_, xvga_}) connect(b, &QCheckBox::toggled, this, &ExportDialog::render);
    resize(760, 560);
    render();
}

void ExportDialog::setFormat(ExportFormat format) { format_->setCurrentIndex(format_->findData(static_cast<int>(format))); }

QString ExportDialog::previewText() const { return ok_ ? preview_->toPlainText() : QString(); }

QString ExportDialog::warningText() const { return warnings_->text(); }

std::optional<QString> ExportDialog::saveTo(const QString& path) const {
    if (!ok_) return tr("There is nothing to save: %1").arg(warnings_->text());
    return SaveFile::write(path, previewText().toUtf8());
}

void ExportDialog::render() {
    const auto format = static_cast<ExportFormat>(format_->currentData().toInt());
    ExportOptions options;
    options.managed = managed_->isChecked();
    options.iommufd = iommufd_->isChecked();
    options.rom.bar_off = romBarOff_->isChecked();
    options.primary_gpu_xvga = xvga_->isChecked();
    managed_->setEnabled(format == ExportFormat::LibvirtHostdev);
    iommufd_->setEnabled(format == ExportFormat::LibvirtHostdev || format == ExportFormat::QemuArgs);
    auto result = export_config(topology_, devices_, format, options);
    ok_ = result.has_value();
    copy_->setEnabled(ok_);
    save_->setEnabled(ok_);
    if (!result) {
        preview_->clear();
        warnings_->setText(QString::fromStdString(result.error().sentence));
        return;
    }
    preview_->setPlainText(QString::fromStdString(result->text));
    QStringList lines;
    for (const auto& w : result->warnings) lines << QString::fromStdString(w);
    warnings_->setText(lines.join(u'\n'));
}

}  // namespace isola::gui
