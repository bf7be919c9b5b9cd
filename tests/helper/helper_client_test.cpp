// Facts about the client-side sentences: the helper's refusals said from the reply's typed data in
// the user's language, and KAuth's own failures, which carry no usable text (a polkit denial is
// error 4 with an empty string), so Isola supplies it.
#include <gtest/gtest.h>

#include <KAuth/ActionReply>

#include "client/helper_client.hpp"
#include "refusal/helper_refusal.hpp"
#include "support/speaking.hpp"

namespace isola::helper {
namespace {

using isola::test::Speaking;

QVariantMap no_such_device_data()
{
    return refusal_data({.kind = HelperRefusalKind::NoSuchDevice, .device = Bdf::parse("0000:42:00.0")});
}

TEST(HelperClient, BuildsTheReadconfigAction)
{
    const KAuth::Action action = readconfig_action(QStringLiteral("0000:01:00.0"));
    EXPECT_EQ(action.name(), QStringLiteral("org.kde.isola.helper.readconfig"));
    EXPECT_EQ(action.helperId(), QStringLiteral("org.kde.isola.helper"));
    EXPECT_EQ(action.arguments(), (QVariantMap{{QStringLiteral("bdf"), QStringLiteral("0000:01:00.0")}}));
    EXPECT_EQ(action.timeout(), 10000);
}

TEST(HelperClient, DescribesAPolkitDenial)
{
    const KAuth::Action action = readconfig_action(QStringLiteral("0000:01:00.0"));
    EXPECT_EQ(describe_kauth_failure(action, KAuth::ActionReply::AuthorizationDeniedError, QString()),
              QStringLiteral("Isola's helper was not authorised to read the configuration of 0000:01:00.0 (polkit "
                             "denied org.kde.isola.helper.readconfig); ask an administrator or run the scan as root."));
}

TEST(HelperClient, SaysTheHelpersRefusalFromItsData)
{
    const KAuth::Action action = readconfig_action(QStringLiteral("0000:42:00.0"));
    // The error text is what the helper says in English; the sentence comes from the data.
    EXPECT_EQ(describe_kauth_failure(action, 103, QStringLiteral("isola-helper: (the helper's English text)"),
                                     no_such_device_data()),
              QStringLiteral("isola-helper: no PCI device 0000:42:00.0 on this host"));
}

TEST(HelperClient, FallsBackOnTheHelpersTextWithoutUnderstandableData)
{
    const KAuth::Action action = readconfig_action(QStringLiteral("0000:42:00.0"));
    const QString sentence = QStringLiteral("isola-helper: no PCI device 0000:42:00.0 on this host");
    EXPECT_EQ(describe_kauth_failure(action, 103, sentence), sentence);  // an older helper: no data

    QVariantMap newer = no_such_device_data();
    newer.insert(QStringLiteral("refusal"), QStringLiteral("kernel-too-old"));
    EXPECT_EQ(describe_kauth_failure(action, 103, sentence, newer), sentence);
}

TEST(HelperClient, TrustsRefusalDataOnlyWithAHelperCode)
{
    // Refusal data with one of KAuth's own codes is not the helper's refusal.
    const KAuth::Action action = readconfig_action(QStringLiteral("0000:01:00.0"));
    EXPECT_EQ(describe_kauth_failure(action, KAuth::ActionReply::HelperBusyError, QString(), no_such_device_data()),
              QStringLiteral("Isola's helper is busy with another request and did not read the configuration of "
                             "0000:01:00.0; try again in a moment."));
}

TEST(HelperClient, DescribesAMissingHelperAndADeadBus)
{
    const KAuth::Action action = readconfig_action(QStringLiteral("0000:01:00.0"));
    EXPECT_EQ(describe_kauth_failure(action, KAuth::ActionReply::NoSuchActionError, QString()),
              QStringLiteral("Isola's helper could not read the configuration of 0000:01:00.0: the helper or its "
                             "action org.kde.isola.helper.readconfig is not installed on this system (KAuth error 2)."));
    EXPECT_EQ(describe_kauth_failure(action, KAuth::ActionReply::DBusError, QString()),
              QStringLiteral("Isola's helper could not be reached on the system D-Bus to read the configuration of "
                             "0000:01:00.0 (no reply)."));
}

TEST(HelperClient, DescribesCancelledAndUnknownFailures)
{
    const KAuth::Action action = readconfig_action(QStringLiteral("0000:01:00.0"));
    EXPECT_EQ(describe_kauth_failure(action, KAuth::ActionReply::UserCancelledError, QString()),
              QStringLiteral("Authentication was cancelled, so Isola's helper did not read the configuration of "
                             "0000:01:00.0."));
    EXPECT_EQ(describe_kauth_failure(action, 77, QString()),
              QStringLiteral("Isola's helper could not read the configuration of 0000:01:00.0 (error 77)."));
}

TEST(HelperClient, NeverReExpandsPlaceholdersFromTheDevice)
{
    const KAuth::Action action = readconfig_action(QStringLiteral("%2%3{0}"));
    EXPECT_EQ(describe_kauth_failure(action, 77, QStringLiteral("odd {1}")),
              QStringLiteral("Isola's helper could not read the configuration of %2%3{0} (error 77: odd {1})."));
}

TEST(HelperClient, SpeaksGermanAndFrench)
{
    const KAuth::Action action = readconfig_action(QStringLiteral("0000:01:00.0"));
    const KAuth::Action absent = readconfig_action(QStringLiteral("0000:42:00.0"));
    const QString english = QStringLiteral("isola-helper: no PCI device 0000:42:00.0 on this host");
    {
        Speaking de("de_DE.UTF-8");
        if (!de.ok()) GTEST_SKIP() << "no de_DE.UTF-8 locale";
        EXPECT_EQ(describe_kauth_failure(action, KAuth::ActionReply::AuthorizationDeniedError, QString()),
                  QStringLiteral("Isolas Hilfsprogramm wurde nicht autorisiert (polkit hat "
                                 "org.kde.isola.helper.readconfig abgelehnt) und konnte daher nicht die Konfiguration "
                                 "von 0000:01:00.0 lesen; fragen Sie einen Administrator oder führen Sie den Scan als "
                                 "root aus."));
        EXPECT_EQ(describe_kauth_failure(absent, 103, english, no_such_device_data()),
                  QStringLiteral("isola-helper: kein PCI-Gerät 0000:42:00.0 auf diesem Host"));
        EXPECT_EQ(describe_kauth_failure(absent, 103, english), english);  // no data: the helper's English
    }
    {
        Speaking fr("fr_FR.UTF-8");
        if (!fr.ok()) GTEST_SKIP() << "no fr_FR.UTF-8 locale";
        EXPECT_EQ(describe_kauth_failure(action, KAuth::ActionReply::AuthorizationDeniedError, QString()),
                  QStringLiteral("Le programme d’assistance d’Isola n’a pas été autorisé à lire la configuration de "
                                 "0000:01:00.0 (polkit a refusé org.kde.isola.helper.readconfig)\u00a0; demandez à un "
                                 "administrateur ou lancez l’analyse en root."));
        EXPECT_EQ(describe_kauth_failure(action, KAuth::ActionReply::DBusError, QString()),
                  QStringLiteral("Le programme d’assistance d’Isola n’a pas pu être joint sur le D-Bus système pour "
                                 "lire la configuration de 0000:01:00.0 (pas de réponse)."));
        EXPECT_EQ(describe_kauth_failure(absent, 103, english, no_such_device_data()),
                  QStringLiteral("isola-helper\u00a0: aucun périphérique PCI 0000:42:00.0 sur cet hôte"));
    }
}

}  // namespace
}  // namespace isola::helper
