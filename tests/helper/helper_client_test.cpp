// Facts about the client-side sentences: KAuth's own failures carry no usable text (a polkit
// denial is error 4 with an empty string), so Isola supplies it.
#include <gtest/gtest.h>

#include <KAuth/ActionReply>

#include "client/helper_client.hpp"

namespace isola::helper {
namespace {

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

TEST(HelperClient, PassesTheHelpersOwnSentenceThrough)
{
    const KAuth::Action action = readconfig_action(QStringLiteral("0000:42:00.0"));
    const QString sentence = QStringLiteral("isola-helper: no PCI device 0000:42:00.0 on this host");
    EXPECT_EQ(describe_kauth_failure(action, 103, sentence), sentence);
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

TEST(HelperClient, NeverReExpandsPlaceholdersFromTheDevice)
{
    const KAuth::Action action = readconfig_action(QStringLiteral("%2%3"));
    EXPECT_EQ(describe_kauth_failure(action, 77, QStringLiteral("odd")),
              QStringLiteral("Isola's helper could not read the configuration of %2%3 (error 77: odd)."));
}

}  // namespace
}  // namespace isola::helper
