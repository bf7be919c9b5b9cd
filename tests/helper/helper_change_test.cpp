// The helper's apply, restore, probe, persist and unpersist actions without KAuth: on the apply-lab fixture host
// (tests/apply/apply-lab.json) with a simulated kernel behind its sysfs writes. Every bad input is
// refused with its sentence and changes nothing; a good one runs the core and replies with its
// report in the caller's locale. The same actions run over the real bus in helper.e2e.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>

#include <QStringList>

#include <nlohmann/json.hpp>

#include "actions/change.hpp"
#include "actions/probe.hpp"
#include "apply/persist.hpp"
#include "fixture_lab.hpp"
#include "ops/failure.hpp"
#include "plan/attach_plan.hpp"
#include "protocol/helper_protocol.hpp"
#include "reader/read_host.hpp"
#include "simulated_kernel.hpp"
#include "text/message.hpp"
#include "vfio/vfio_calls.hpp"

namespace isola::helper {
namespace {

namespace fs = std::filesystem;

QString q(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

class HelperChange : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string templ = (fs::temp_directory_path() / "isola-helper-change-XXXXXX").string();
        ASSERT_NE(::mkdtemp(templ.data()), nullptr);
        root_ = templ;
        std::ifstream in(ISOLA_APPLY_HOST_SPEC);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        auto spec = lab::parse_machine_spec(text);
        ASSERT_TRUE(spec) << spec.error();
        lab::write_fixture(*spec, root_);
        kernel_ = std::make_unique<test::SimulatedKernel>(root_ / "sys");
        kernel_->load_driver("vfio-pci");
        host_ = std::make_unique<HelperHost>(HelperHost{.root = root_, .writer = *kernel_, .vfio = vfio_,
                                                        .now = [] { return std::int64_t{1'764'700'000}; },
                                                        .progress = [this](const QVariantMap&) { ++progress_; }});
        bind_message_catalog(ISOLA_BUILD_LOCALEDIR);
        untouched_ = tree();
    }
    void TearDown() override { fs::remove_all(root_); }

    // Every path, link target and file content under the root: what "changed nothing" compares.
    [[nodiscard]] std::string tree() const
    {
        std::string out;
        std::vector<fs::path> paths;
        for (const auto& e : fs::recursive_directory_iterator(root_)) paths.push_back(e.path());
        std::ranges::sort(paths);
        for (const auto& p : paths) {
            out += p.string();
            if (fs::is_symlink(p)) out += " -> " + fs::read_symlink(p).string();
            else if (fs::is_regular_file(p)) {
                std::ifstream f(p, std::ios::binary);
                out += " = " + std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
            }
            out += "\n";
        }
        return out;
    }
    [[nodiscard]] std::string driver(const char* bdf) const
    {
        std::error_code ec;
        const fs::path link = fs::read_symlink(root_ / "sys/bus/pci/devices" / bdf / "driver", ec);
        return ec ? "none" : link.filename().string();
    }
    [[nodiscard]] std::string fingerprint() const
    {
        auto t = read_host(HostRoots::under(root_));
        EXPECT_TRUE(t);
        return plan_attach(*t, {.devices = {*Bdf::parse("02:01.0"), *Bdf::parse("02:02.0")}, .vm = "win11"}).fingerprint;
    }
    [[nodiscard]] QVariantMap apply_args(const std::string& fp, const char* locale = "C") const
    {
        return {{QStringLiteral("devices"), QStringLiteral("0000:02:01.0 0000:02:02.0")},
                {QStringLiteral("vm"), QStringLiteral("win11")},
                {QStringLiteral("backend"), QStringLiteral("legacy")},
                {QStringLiteral("fingerprint"), q(fp)},
                {QStringLiteral("locale"), QString::fromLatin1(locale)}};
    }
    static QStringList lines(const QVariantMap& reply) { return reply.value(QStringLiteral("lines")).toStringList(); }
    static QString outcome(const QVariantMap& reply) { return reply.value(QStringLiteral("outcome")).toString(); }

    fs::path root_;
    std::unique_ptr<test::SimulatedKernel> kernel_;
    KernelVfioCalls vfio_;
    std::unique_ptr<HelperHost> host_;
    int progress_ = 0;
    std::string untouched_;
};

TEST_F(HelperChange, ApplyReplansChecksTheFingerprintAndRestorePutsEverythingBack)
{
    const auto applied = apply(apply_args(fingerprint()), *host_);
    ASSERT_TRUE(applied) << english_sentence(applied.error());
    EXPECT_EQ(outcome(*applied), "done");
    ASSERT_FALSE(lines(*applied).isEmpty());
    EXPECT_TRUE(lines(*applied).front().startsWith(QStringLiteral("2 devices are now on vfio-pci for \"win11\": ")))
        << lines(*applied).front().toStdString();
    EXPECT_EQ(progress_, 6);  // one step per write, reported before it is made
    EXPECT_EQ(driver("0000:02:01.0"), "vfio-pci");
    EXPECT_EQ(driver("0000:02:02.0"), "vfio-pci");
    const auto report = nlohmann::json::parse(applied->value(QStringLiteral("report")).toString().toStdString());
    EXPECT_EQ(report["succeeded"], true);
    EXPECT_EQ(report["made"].size(), 6u);

    const auto restored = restore({{QStringLiteral("devices"), QString()}, {QStringLiteral("locale"), QStringLiteral("C")}}, *host_);
    ASSERT_TRUE(restored);
    EXPECT_EQ(outcome(*restored), "done");
    EXPECT_EQ(driver("0000:02:01.0"), "e1000");
    EXPECT_EQ(driver("0000:02:02.0"), "e1000");
    EXPECT_FALSE(fs::exists(root_ / "var/lib/isola/journal.json"));
}

TEST_F(HelperChange, AStaleFingerprintIsRefusedBeforeAnyWriteInTheCallersLanguage)
{
    const auto stale = apply(apply_args("0123456789abcdef"), *host_);
    ASSERT_TRUE(stale);
    EXPECT_EQ(outcome(*stale), "refused");
    EXPECT_EQ(lines(*stale).value(0).toStdString(),
              "nothing was changed: the host is no longer as it was when the plan was approved (fingerprint "
              "0123456789abcdef, now " + fingerprint() + "); make the plan again and review it.");
    EXPECT_EQ(kernel_->writes(), 0);
    EXPECT_EQ(tree(), untouched_);

    // What setlocale() says in an English session, and a locale this system may not have: English.
    for (const char* english : {"C.UTF-8", "POSIX", "sr_RS@latin", "en_GB.ISO-8859-15"}) {
        const auto r = apply(apply_args("0123456789abcdef", english), *host_);
        ASSERT_TRUE(r) << english << ": " << english_sentence(r.error());
    }
    const auto german = apply(apply_args("0123456789abcdef", "de_DE.UTF-8"), *host_);
    ASSERT_TRUE(german);
    if (lines(*german).value(0).startsWith(QStringLiteral("nothing")))
        GTEST_SKIP() << "no de_DE.UTF-8 locale on this system";
    EXPECT_TRUE(lines(*german).value(0).startsWith(QStringLiteral("nichts wurde geändert: der Host ist nicht mehr so, wie er war")))
        << lines(*german).value(0).toStdString();
    EXPECT_EQ(tree(), untouched_);
}

// Another device at an address since the person approved: its IDs are in the fingerprint, so the
// helper's own scan refuses the plan before touching it.
TEST_F(HelperChange, ChangedIdsAtAnAddressAreRefused)
{
    const std::string approved = fingerprint();
    const fs::path dev = fs::canonical(root_ / "sys/bus/pci/devices/0000:02:02.0");
    std::ofstream(dev / "device") << "0x10d3\n";
    const std::string changed = tree();
    const auto reply = apply(apply_args(approved), *host_);
    ASSERT_TRUE(reply);
    EXPECT_EQ(outcome(*reply), "refused");
    EXPECT_TRUE(lines(*reply).value(0).startsWith(QStringLiteral("nothing was changed: the host is no longer as it was")));
    EXPECT_EQ(kernel_->writes(), 0);
    EXPECT_EQ(tree(), changed);
}

TEST_F(HelperChange, AnInterruptedApplyIsSettledByTheNextCallAndSaidSo)
{
    kernel_->inject(3, test::Fault::CrashAfter);
    EXPECT_THROW((void)apply(apply_args(fingerprint()), *host_), test::SimulatedCrash);
    const auto next = restore({{QStringLiteral("devices"), QString()}, {QStringLiteral("locale"), QStringLiteral("C")}}, *host_);
    ASSERT_TRUE(next);
    const QStringList recovery = next->value(QStringLiteral("recovery")).toStringList();
    ASSERT_EQ(recovery.size(), 2) << recovery.join(QStringLiteral(" | ")).toStdString();
    EXPECT_EQ(recovery[0].toStdString(), "An apply for \"win11\" started 2025-12-02 18:26 UTC was interrupted at write 4 of 6.");
    EXPECT_EQ(recovery[1].toStdString(),
              "Isola put every device back as it was: 0000:02:01.0 on e1000 and 0000:02:02.0 on e1000.");
    EXPECT_EQ(driver("0000:02:01.0"), "e1000");
    EXPECT_EQ(driver("0000:02:02.0"), "e1000");
}

TEST_F(HelperChange, ProbeRepliesWithTheCoresSentence)
{
    const auto reply = probe({{QStringLiteral("bdf"), QStringLiteral("0000:02:01.0")},
                              {QStringLiteral("backend"), QStringLiteral("legacy")},
                              {QStringLiteral("locale"), QStringLiteral("C")}},
                             *host_);
    ASSERT_TRUE(reply);
    EXPECT_EQ(outcome(*reply), "failed");  // the device is on e1000, not vfio-pci
    EXPECT_TRUE(lines(*reply).value(0).endsWith(
        QStringLiteral(") is on e1000, not vfio-pci: apply it first (isolactl apply 0000:02:01.0 --vm NAME)")))
        << lines(*reply).value(0).toStdString();
    EXPECT_EQ(tree(), untouched_);
}

// persist writes the boot-time binding under the host's root (here no driverctl: Isola's udev
// rule), moves nothing now, and unpersist leaves the root as it was.
TEST_F(HelperChange, PersistBindsTheGroupAtBootAndUnpersistPutsEveryFileBack)
{
    const fs::path rules = root_ / "etc/udev/rules.d/60-isola-vfio.rules";
    const auto persisted = persist(apply_args(fingerprint()), *host_);
    ASSERT_TRUE(persisted) << english_sentence(persisted.error());
    EXPECT_EQ(outcome(*persisted), "done");
    EXPECT_EQ(lines(*persisted),
              (QStringList{QStringLiteral("2 devices are bound to vfio-pci at boot for \"win11\", by Isola's udev rule "
                                          "(/etc/udev/rules.d/60-isola-vfio.rules): 0000:02:01.0 and 0000:02:02.0."),
                           QStringLiteral("wrote ") + q(rules.string()) + QStringLiteral("."),
                           QStringLiteral("The devices move at the next boot; isolactl apply moves them now.")}));
    EXPECT_TRUE(persisted->value(QStringLiteral("recovery")).toStringList().isEmpty());
    EXPECT_TRUE(fs::exists(rules));
    EXPECT_EQ(kernel_->writes(), 0);  // nothing moves now
    EXPECT_EQ(driver("0000:02:01.0"), "e1000");

    // Persisting the same group again changes no file (it would re-target another VM's name).
    const std::string persisted_tree = tree();
    const auto again = persist(apply_args(fingerprint()), *host_);
    ASSERT_TRUE(again);
    EXPECT_EQ(outcome(*again), "done");
    EXPECT_EQ(lines(*again).size(), 2) << lines(*again).join(QStringLiteral(" | ")).toStdString();
    EXPECT_EQ(tree(), persisted_tree);

    // Unpersisting a device Isola did not persist: its sentence, and nothing changes.
    const auto other = unpersist({{QStringLiteral("devices"), QStringLiteral("0000:00:1f.0")}, {QStringLiteral("locale"), QStringLiteral("C")}},
                                 *host_);
    ASSERT_TRUE(other);
    EXPECT_EQ(outcome(*other), "refused");
    EXPECT_EQ(lines(*other).value(0).toStdString(),
              "Isola did not persist 0000:00:1f.0, so there is nothing to unpersist (isolactl status lists what it binds at boot).");
    EXPECT_EQ(tree(), persisted_tree);

    const auto undone = unpersist({{QStringLiteral("devices"), QString()}, {QStringLiteral("locale"), QStringLiteral("C")}}, *host_);
    ASSERT_TRUE(undone);
    EXPECT_EQ(outcome(*undone), "done");
    EXPECT_EQ(lines(*undone),
              (QStringList{QStringLiteral("2 devices boot on their host drivers again: 0000:02:01.0 and 0000:02:02.0."),
                           QStringLiteral("removed ") + q(rules.string()) + QStringLiteral(".")}));
    EXPECT_FALSE(fs::exists(rules));
    EXPECT_FALSE(fs::exists(root_ / "var/lib/isola/persisted.json"));  // an empty record is no file
    const auto nothing = unpersist({{QStringLiteral("devices"), QString()}, {QStringLiteral("locale"), QStringLiteral("C")}}, *host_);
    ASSERT_TRUE(nothing);
    EXPECT_EQ(lines(*nothing), QStringList{QStringLiteral("Isola binds no device at boot; there is nothing to unpersist.")});
    EXPECT_EQ(kernel_->writes(), 0);
}

TEST_F(HelperChange, PersistRefusesAStaleFingerprintAndSpeaksTheCallersLanguage)
{
    const auto stale = persist(apply_args("0123456789abcdef"), *host_);
    ASSERT_TRUE(stale);
    EXPECT_EQ(outcome(*stale), "refused");
    EXPECT_EQ(lines(*stale).value(0).toStdString(),
              "nothing was changed: the host is no longer as it was when the plan was approved (fingerprint "
              "0123456789abcdef, now " + fingerprint() + "); make the plan again and review it.");
    EXPECT_EQ(tree(), untouched_);

    const auto german = persist(apply_args(fingerprint(), "de_DE.UTF-8"), *host_);
    ASSERT_TRUE(german);
    ASSERT_EQ(outcome(*german), "done");
    if (lines(*german).value(0).startsWith(QStringLiteral("2 devices")))
        GTEST_SKIP() << "no de_DE.UTF-8 locale on this system";
    EXPECT_EQ(lines(*german).value(0).toStdString(),
              "2 Geräte werden beim Start für „win11“ an vfio-pci gebunden, durch Isolas udev-Regel "
              "(/etc/udev/rules.d/60-isola-vfio.rules): 0000:02:01.0 und 0000:02:02.0.");
    const auto french = unpersist({{QStringLiteral("devices"), QString()}, {QStringLiteral("locale"), QStringLiteral("fr_FR.UTF-8")}}, *host_);
    ASSERT_TRUE(french);
    EXPECT_EQ(outcome(*french), "done");
    if (!lines(*french).value(0).startsWith(QStringLiteral("2 devices"))) {
        EXPECT_TRUE(lines(*french).value(0).startsWith(QStringLiteral("2 périphériques"))) << lines(*french).value(0).toStdString();
    }
}

// A persist change killed between two file writes leaves its journal; the next call of either
// action puts every file back first and says so in "recovery".
TEST_F(HelperChange, AnInterruptedPersistIsPutBackByTheNextCall)
{
    const fs::path rules = root_ / "etc/udev/rules.d/60-isola-vfio.rules";
    fs::create_directories(rules.parent_path());
    std::ofstream(rules) << "half a rule";
    fs::create_directories(root_ / "var/lib/isola");
    const std::vector<PersistedDevice> meant{{*Bdf::parse("0000:02:01.0"), "win11", "e1000", PersistMode::UdevRule, 1}};
    const nlohmann::json journal{{"isola_persist_journal", 1},
                                 {"files", {{{"path", rules.string()}, {"before", nullptr}}}},
                                 {"record", nlohmann::json::parse(persisted_to_json(meant))}};
    std::ofstream(root_ / "var/lib/isola/persist-journal.json") << journal.dump();
    const auto next = unpersist({{QStringLiteral("devices"), QString()}, {QStringLiteral("locale"), QStringLiteral("C")}}, *host_);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->value(QStringLiteral("recovery")).toStringList(),
              QStringList{QStringLiteral("A persist change was interrupted; Isola put 1 file back as it was.")});
    EXPECT_EQ(lines(*next), QStringList{QStringLiteral("Isola binds no device at boot; there is nothing to unpersist.")});
    EXPECT_FALSE(fs::exists(rules));
    EXPECT_FALSE(fs::exists(root_ / "var/lib/isola/persist-journal.json"));
}

// recover puts back an interrupted apply and an interrupted persist, and nothing else: a device
// Isola moved earlier stays moved (restore would have returned it too).
TEST_F(HelperChange, RecoverPutsBackOnlyWhatWasInterrupted)
{
    const QVariantMap in_c{{QStringLiteral("locale"), QStringLiteral("C")}};
    const auto nothing = recover(in_c, *host_);
    ASSERT_TRUE(nothing);
    EXPECT_EQ(outcome(*nothing), "done");
    EXPECT_EQ(lines(*nothing), QStringList{QStringLiteral("No change of Isola's was interrupted on this host; there is nothing to put back.")});
    EXPECT_EQ(tree(), untouched_);

    ASSERT_EQ(outcome(*apply(apply_args(fingerprint()), *host_)), "done");  // 02:01.0 and 02:02.0 on vfio-pci
    const fs::path rules = root_ / "etc/udev/rules.d/60-isola-vfio.rules";
    fs::create_directories(rules.parent_path());
    const std::string applied = tree();
    std::ofstream(rules) << "half a rule";
    const std::vector<PersistedDevice> meant{{*Bdf::parse("0000:02:01.0"), "win11", "e1000", PersistMode::UdevRule, 1}};
    const nlohmann::json journal{{"isola_persist_journal", 1},
                                 {"files", {{{"path", rules.string()}, {"before", nullptr}}}},
                                 {"record", nlohmann::json::parse(persisted_to_json(meant))}};
    std::ofstream(root_ / "var/lib/isola/persist-journal.json") << journal.dump();
    const int writes = kernel_->writes();

    const auto settled = recover(in_c, *host_);
    ASSERT_TRUE(settled);
    EXPECT_EQ(outcome(*settled), "done");
    EXPECT_EQ(lines(*settled), QStringList{QStringLiteral("A persist change was interrupted; Isola put 1 file back as it was.")});
    EXPECT_TRUE(settled->value(QStringLiteral("recovery")).toStringList().isEmpty());
    EXPECT_FALSE(fs::exists(rules));
    EXPECT_FALSE(fs::exists(root_ / "var/lib/isola/persist-journal.json"));
    EXPECT_EQ(kernel_->writes(), writes);  // the applied devices stay where they are
    EXPECT_EQ(tree(), applied);
    EXPECT_EQ(driver("0000:02:01.0"), "vfio-pci");

    const auto german = recover({{QStringLiteral("locale"), QStringLiteral("de_DE.UTF-8")}}, *host_);
    ASSERT_TRUE(german);
    EXPECT_EQ(lines(*german), QStringList{QStringLiteral("Keine Änderung von Isola wurde auf diesem Host unterbrochen; es gibt nichts zurückzusetzen.")});
    const auto french = recover({{QStringLiteral("locale"), QStringLiteral("fr_FR.UTF-8")}}, *host_);
    ASSERT_TRUE(french);
    EXPECT_EQ(lines(*french), QStringList{QStringLiteral("Aucune modification d’Isola n’a été interrompue sur cet hôte\u00a0; il n’y a rien à remettre en place.")});
    ASSERT_EQ(outcome(*restore({{QStringLiteral("devices"), QString()}, {QStringLiteral("locale"), QStringLiteral("C")}}, *host_)), "done");
}

TEST_F(HelperChange, RecoverPutsBackAnInterruptedApply)
{
    kernel_->inject(3, test::Fault::CrashAfter);
    EXPECT_THROW((void)apply(apply_args(fingerprint()), *host_), test::SimulatedCrash);
    const auto settled = recover({{QStringLiteral("locale"), QStringLiteral("C")}}, *host_);
    ASSERT_TRUE(settled);
    EXPECT_EQ(outcome(*settled), "done");
    EXPECT_EQ(lines(*settled),
              (QStringList{QStringLiteral("An apply for \"win11\" started 2025-12-02 18:26 UTC was interrupted at write 4 of 6."),
                           QStringLiteral("Isola put every device back as it was: 0000:02:01.0 on e1000 and 0000:02:02.0 on e1000.")}));
    EXPECT_EQ(driver("0000:02:01.0"), "e1000");
    EXPECT_EQ(driver("0000:02:02.0"), "e1000");
    EXPECT_FALSE(fs::exists(root_ / "var/lib/isola/journal.json"));
}

// ---- bad input: one sentence each, and nothing changes --------------------------------------------

struct BadCall {
    const char* name;
    const char* action;  // apply, restore, probe, persist, unpersist, recover
    std::vector<std::pair<const char*, QVariant>> replace;  // over a valid call; QVariant() with key "-": drop
    const char* sentence;
};

void PrintTo(const BadCall& c, std::ostream* out) { *out << c.name; }

class HelperChangeRefuses : public HelperChange, public ::testing::WithParamInterface<BadCall> {};

TEST_P(HelperChangeRefuses, WithOneSentenceAndChangesNothing)
{
    const BadCall& c = GetParam();
    const std::string_view action = c.action;
    QVariantMap args = action == "apply" || action == "persist" ? apply_args(fingerprint())
                       : action == "restore" || action == "unpersist" ? QVariantMap{{QStringLiteral("devices"), QString()},
                                                                               {QStringLiteral("locale"), QStringLiteral("C")}}
                       : action == "recover" ? QVariantMap{{QStringLiteral("locale"), QStringLiteral("C")}}
                                                                 : QVariantMap{{QStringLiteral("bdf"), QStringLiteral("0000:02:01.0")},
                                                                               {QStringLiteral("backend"), QStringLiteral("legacy")},
                                                                               {QStringLiteral("locale"), QStringLiteral("C")}};
    for (const auto& [k, v] : c.replace) {
        if (std::string_view(k).starts_with('-')) args.remove(QString::fromLatin1(k + 1));
        else args.insert(QString::fromLatin1(k), v);
    }
    const ActionResult reply = action == "apply"       ? apply(args, *host_)
                               : action == "restore"   ? restore(args, *host_)
                               : action == "persist"   ? persist(args, *host_)
                               : action == "unpersist" ? unpersist(args, *host_)
                               : action == "recover"   ? recover(args, *host_)
                                                       : probe(args, *host_);
    ASSERT_FALSE(reply) << outcome(*reply).toStdString();
    EXPECT_EQ(english_sentence(reply.error()), c.sentence);
    EXPECT_EQ(kernel_->writes(), 0);
    EXPECT_EQ(tree(), untouched_);
}

const QString k32Devices = [] {
    QStringList all;
    for (int i = 0; i < 33; ++i) all.append(QStringLiteral("0000:02:%1.0").arg(i, 2, 16, QLatin1Char('0')));
    return all.join(QLatin1Char(' '));
}();

INSTANTIATE_TEST_SUITE_P(
    Arguments, HelperChangeRefuses,
    ::testing::Values(
        BadCall{"NoDevices", "apply", {{"devices", QString()}},
                "isola-helper: argument \"devices\" of apply is \"\", which is not up to 32 PCI addresses separated by "
                "single spaces, such as \"0000:01:00.0 0000:01:00.1\""},
        BadCall{"TwoSpaces", "apply", {{"devices", QStringLiteral("0000:02:01.0  0000:02:02.0")}},
                "isola-helper: argument \"devices\" of apply is \"0000:02:01.0  0000:02:02.0\", which is not up to 32 PCI "
                "addresses separated by single spaces, such as \"0000:01:00.0 0000:01:00.1\""},
        // 33 addresses do not fit into the bound of 32: refused on their length, before any parsing.
        BadCall{"ThirtyThreeDevices", "restore", {{"devices", k32Devices}},
                "isola-helper: argument \"devices\" of restore is 428 characters long; at most 416 are accepted"},
        BadCall{"PathTrick", "apply", {{"devices", QStringLiteral("0000:02:01.0/../../../../etc")}},
                "isola-helper: \"0000:02:01.0/../../../../etc\" is not a PCI address (expected DDDD:BB:DD.F, e.g. 0000:01:00.0)"},
        BadCall{"UpperCase", "probe", {{"bdf", QStringLiteral("0000:02:01.A")}},
                "isola-helper: \"0000:02:01.A\" is not a PCI address (expected DDDD:BB:DD.F, e.g. 0000:01:00.0)"},
        BadCall{"AbsentDevice", "apply", {{"devices", QStringLiteral("0000:02:01.0 0000:42:00.0")}},
                "isola-helper: no PCI device 0000:42:00.0 on this host"},
        BadCall{"AbsentProbe", "probe", {{"bdf", QStringLiteral("0000:42:00.0")}},
                "isola-helper: no PCI device 0000:42:00.0 on this host"},
        BadCall{"VmWithSlash", "apply", {{"vm", QStringLiteral("../win11")}},
                "isola-helper: argument \"vm\" of apply is \"../win11\", which is not a VM name of at most 64 letters, "
                "digits, '.', '_', '+' or '-', not starting with '-'"},
        BadCall{"VmLikeAnOption", "apply", {{"vm", QStringLiteral("-rf")}},
                "isola-helper: argument \"vm\" of apply is \"-rf\", which is not a VM name of at most 64 letters, digits, "
                "'.', '_', '+' or '-', not starting with '-'"},
        BadCall{"VmWithEscape", "apply", {{"vm", QStringLiteral("win\x1b[31m")}},
                "isola-helper: argument \"vm\" of apply is \"win\\x1b[31m\", which is not a VM name of at most 64 letters, "
                "digits, '.', '_', '+' or '-', not starting with '-'"},
        BadCall{"UnknownBackend", "apply", {{"backend", QStringLiteral("VFIO")}},
                "isola-helper: argument \"backend\" of apply is \"VFIO\", which is not legacy or iommufd"},
        BadCall{"ShortFingerprint", "apply", {{"fingerprint", QStringLiteral("0123")}},
                "isola-helper: argument \"fingerprint\" of apply is \"0123\", which is not the fingerprint of an approved "
                "plan: 16 hexadecimal digits, as isolactl plan prints it"},
        BadCall{"UpperCaseFingerprint", "apply", {{"fingerprint", QStringLiteral("0123456789ABCDEF")}},
                "isola-helper: argument \"fingerprint\" of apply is \"0123456789ABCDEF\", which is not the fingerprint of "
                "an approved plan: 16 hexadecimal digits, as isolactl plan prints it"},
        BadCall{"NoFingerprint", "apply", {{"-fingerprint", QVariant()}},
                "isola-helper: apply needs the argument \"fingerprint\" (the fingerprint of an approved plan: 16 "
                "hexadecimal digits, as isolactl plan prints it)"},
        BadCall{"LocaleAsPath", "restore", {{"locale", QStringLiteral("/usr/lib/locale/x")}},
                "isola-helper: argument \"locale\" of restore is \"/usr/lib/locale/x\", which is not a locale name such as "
                "de_DE.UTF-8, fr or C"},
        BadCall{"LocaleWithDots", "probe", {{"locale", QStringLiteral("de_DE.UTF-8/../..")}},
                "isola-helper: argument \"locale\" of probe is \"de_DE.UTF-8/../..\", which is not a locale name such as "
                "de_DE.UTF-8, fr or C"},
        BadCall{"OversizeDevices", "apply", {{"devices", QString(5000, QLatin1Char('0'))}},
                "isola-helper: argument \"devices\" of apply is 5000 characters long; at most 416 are accepted"},
        BadCall{"DevicesAsList", "restore", {{"devices", QStringList{QStringLiteral("0000:02:01.0")}}},
                "isola-helper: argument \"devices\" of restore must be a string, not QStringList"},
        BadCall{"ARootForTheHelper", "apply", {{"root", QStringLiteral("/tmp/evil")}},
                "isola-helper: unknown argument \"root\"; apply takes only \"devices\", \"vm\", \"backend\", "
                "\"fingerprint\" and \"locale\""},
        BadCall{"PersistPathTrick", "persist", {{"devices", QStringLiteral("0000:02:01.0 ../../etc/passwd")}},
                "isola-helper: \"../../etc/passwd\" is not a PCI address (expected DDDD:BB:DD.F, e.g. 0000:01:00.0)"},
        BadCall{"PersistVmWithNewline", "persist", {{"vm", QStringLiteral("win11\nACTION")}},
                "isola-helper: argument \"vm\" of persist is \"win11\\x0aACTION\", which is not a VM name of at most 64 "
                "letters, digits, '.', '_', '+' or '-', not starting with '-'"},
        BadCall{"PersistNoFingerprint", "persist", {{"-fingerprint", QVariant()}},
                "isola-helper: persist needs the argument \"fingerprint\" (the fingerprint of an approved plan: 16 "
                "hexadecimal digits, as isolactl plan prints it)"},
        BadCall{"PersistAPath", "persist", {{"file", QStringLiteral("/etc/shadow")}},
                "isola-helper: unknown argument \"file\"; persist takes only \"devices\", \"vm\", \"backend\", "
                "\"fingerprint\" and \"locale\""},
        BadCall{"UnpersistBadAddress", "unpersist", {{"devices", QStringLiteral("0000:02:01.0 pci-0000:02:02.0")}},
                "isola-helper: \"pci-0000:02:02.0\" is not a PCI address (expected DDDD:BB:DD.F, e.g. 0000:01:00.0)"},
        BadCall{"UnpersistOversize", "unpersist", {{"devices", QString(417, QLatin1Char('0'))}},
                "isola-helper: argument \"devices\" of unpersist is 417 characters long; at most 416 are accepted"},
        BadCall{"UnpersistLocaleAsPath", "unpersist", {{"locale", QStringLiteral("../../../tmp")}},
                "isola-helper: argument \"locale\" of unpersist is \"../../../tmp\", which is not a locale name such as "
                "de_DE.UTF-8, fr or C"},
        BadCall{"RecoverDevices", "recover", {{"devices", QStringLiteral("0000:02:01.0")}},
                "isola-helper: unknown argument \"devices\"; recover takes only \"locale\""},
        BadCall{"RecoverNoLocale", "recover", {{"-locale", QVariant()}},
                "isola-helper: recover needs the argument \"locale\" (a locale name such as de_DE.UTF-8, fr or C)"},
        BadCall{"RecoverLocaleAsPath", "recover", {{"locale", QStringLiteral("../../../tmp")}},
                "isola-helper: argument \"locale\" of recover is \"../../../tmp\", which is not a locale name such as "
                "de_DE.UTF-8, fr or C"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

// Random argument maps — real keys and junk ones, near-valid and hostile values, wrong types — never
// crash the helper, always get a reply or one refusal whose sentence is printable, and change
// nothing unless every argument was valid (then the whole group moves, and is put back).
TEST_F(HelperChange, RandomisedArgumentMapsAreAnsweredSafely)
{
    std::mt19937 rng(20261202);
    const std::string fp = fingerprint();
    const std::vector<QString> keys{QStringLiteral("devices"), QStringLiteral("vm"), QStringLiteral("backend"),
                                    QStringLiteral("fingerprint"), QStringLiteral("locale"), QStringLiteral("bdf"),
                                    QStringLiteral("root"), QStringLiteral("")};
    const std::vector<QString> good{QStringLiteral("0000:02:01.0 0000:02:02.0"), QStringLiteral("win11"),
                                    QStringLiteral("legacy"), q(fp), QStringLiteral("C"), QStringLiteral("0000:02:01.0"),
                                    QStringLiteral("/"), QString()};
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    auto mutate = [&](QString s) {
        switch (pick(6)) {
        case 0: return s;
        case 1: if (!s.isEmpty()) s[static_cast<qsizetype>(pick(static_cast<std::size_t>(s.size())))] = QChar(static_cast<char16_t>(pick(0x3000))); return s;
        case 2: return s + QStringLiteral("/../..");
        case 3: return s.left(static_cast<qsizetype>(pick(static_cast<std::size_t>(s.size()) + 1)));
        case 4: return s.repeated(static_cast<qsizetype>(1 + pick(40)));
        default: return s + QChar(u'\n') + s;
        }
    };
    const std::vector<QVariantMap> valid{
        apply_args(fp),
        {{QStringLiteral("devices"), QString()}, {QStringLiteral("locale"), QStringLiteral("C")}},
        {{QStringLiteral("bdf"), QStringLiteral("0000:02:01.0")}, {QStringLiteral("backend"), QStringLiteral("legacy")},
         {QStringLiteral("locale"), QStringLiteral("C")}},
        apply_args(fp),  // as persist's
        {{QStringLiteral("devices"), QString()}, {QStringLiteral("locale"), QStringLiteral("C")}}};
    const fs::path rules = root_ / "etc/udev/rules.d/60-isola-vfio.rules";
    const QVariantMap everything{{QStringLiteral("devices"), QString()}, {QStringLiteral("locale"), QStringLiteral("C")}};
    int replies = 0, refusals = 0, applied = 0, persisted = 0;
    for (int i = 0; i < 1500; ++i) {
        // A valid call of one action, with none to three of its entries spoiled.
        const std::size_t which = pick(valid.size());
        QVariantMap args = valid[which];
        const std::size_t spoil = pick(4);
        for (std::size_t j = 0; j < spoil; ++j) {
            const std::size_t k = pick(keys.size());
            switch (pick(10)) {
            case 0: args.insert(keys[k], static_cast<int>(pick(100))); break;
            case 1: args.insert(keys[k], mutate(good[k]).toUtf8()); break;
            case 2: args.remove(keys[k]); break;
            default: {
                const auto it = args.find(keys[k]);
                args.insert(keys[k], mutate(it != args.end() && it->typeId() == QMetaType::QString ? it->toString() : good[k]));
            }
            }
        }
        const ActionResult r = which == 0   ? apply(args, *host_)
                               : which == 1 ? restore(args, *host_)
                               : which == 2 ? probe(args, *host_)
                               : which == 3 ? persist(args, *host_)
                                            : unpersist(args, *host_);
        if (!r) {
            ++refusals;
            const std::string s = english_sentence(r.error());
            ASSERT_TRUE(s.starts_with("isola-helper: ")) << s;
            ASSERT_TRUE(std::ranges::none_of(s, [](char c) { return c == '\n' || c == '\x1b'; })) << s;
            ASSERT_LE(s.size(), 600u) << s;
        } else {
            ++replies;
            if (outcome(*r) == "done" && which == 0) {
                ++applied;
                ASSERT_TRUE(restore(everything, *host_));
            }
            if (outcome(*r) == "done" && which == 3) {
                ++persisted;
                ASSERT_TRUE(unpersist(everything, *host_));
            }
        }
        ASSERT_FALSE(fs::exists(rules)) << "call " << i;
        ASSERT_EQ(driver("0000:02:01.0"), "e1000") << "call " << i;
        ASSERT_EQ(driver("0000:02:02.0"), "e1000") << "call " << i;
    }
    EXPECT_GT(refusals, 500);
    EXPECT_GT(replies, 100);
    EXPECT_GT(applied, 10);
    EXPECT_GT(persisted, 10);
    std::printf("1500 random calls: %d refusals, %d replies, %d applies and %d persists (each put back)\n", refusals,
                replies, applied, persisted);
}

}  // namespace
}  // namespace isola::helper
