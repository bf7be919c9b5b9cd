// The inspector's "Read Full Configuration Space": isola-helper's readconfig for each function an
// explanation still needs (core's config_reads_for_group()), one KAuth call after another. The
// action's polkit rule keeps an administrator's yes for the session, so the person is asked once.
// Each reply is decoded by the reader's own capability walk (helper/client/readconfig_facts.hpp).
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <map>
#include <vector>

#include "reader/config_space.hpp"

class KJob;

namespace isola::gui {

struct ConfigReadOutcome {
    std::map<Bdf, ConfigFacts> facts;  // every function read before the first failure
    QString failure;                   // why the rest was not read (polkit said no, no helper); "" if all was
};

class HelperConfigReads : public QObject {
    Q_OBJECT

public:
    explicit HelperConfigReads(QObject* parent = nullptr);
    ~HelperConfigReads() override;

    // Reads `devices` in order; false when a read is running or `devices` is empty.
    bool start(std::vector<Bdf> devices);
    void cancel();
    [[nodiscard]] bool running() const { return !job_.isNull() || gap_.isActive(); }

Q_SIGNALS:
    void finished(const isola::gui::ConfigReadOutcome& outcome);

private:
    void readNext();
    void finish();

    std::vector<Bdf> pending_;
    ConfigReadOutcome outcome_;
    QPointer<KJob> job_;
    QTimer gap_;       // spaces the calls: KAuth 6.13 hangs a call made while the helper returns from the last
    QTimer watchdog_;  // a call the helper never answers (helper/README.md, KAuth traps)
};

}  // namespace isola::gui

Q_DECLARE_METATYPE(isola::gui::ConfigReadOutcome)
