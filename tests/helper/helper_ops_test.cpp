// Facts about isola-helper's validation and reading, without KAuth: which refusal each bad input
// gets, asserted through its English sentence verbatim (the reply's error text; the sentences
// in other languages are tested in helper_refusal_test.cpp).
#include <sys/stat.h>

#include <QByteArray>
#include <QVariantMap>

#include "actions/readconfig.hpp"
#include "fake_sysfs.hpp"
#include "ops/config_space.hpp"
#include "ops/failure.hpp"
#include "ops/pci_address.hpp"

namespace isola::helper {
namespace {

using testing::FakeSysfs;
namespace fs = std::filesystem;

QVariantMap bdf_arg(const QVariant& value)
{
    return {{QStringLiteral("bdf"), value}};
}

// ---- PCI addresses ----------------------------------------------------------------------------

TEST(PciAddress, AcceptsTheKernelSpelling)
{
    const auto bdf = PciAddress::parse("0000:0b:00.7");
    ASSERT_TRUE(bdf);
    EXPECT_EQ(bdf->str(), "0000:0b:00.7");
}

TEST(PciAddress, RefusesEverythingElseWithOneSentence)
{
    const auto bad = PciAddress::parse("0000:zz:00.0");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code(), ErrorCode::NotAPciAddress);
    EXPECT_EQ(english_sentence(bad.error()),
              "isola-helper: \"0000:zz:00.0\" is not a PCI address (expected DDDD:BB:DD.F, e.g. 0000:01:00.0)");

    for (const char* text : {"", "0000:0B:00.0", "0b:00.0", "0000:0b:00.8", "00000:0b:00.0", "0000:0b:00.0\n",
                             "0000:0b:00.0/", "../../../etc", "0000:0b:00:0", " 0000:0b:00.0"}) {
        EXPECT_FALSE(PciAddress::parse(text)) << text;
    }
}

TEST(PciAddress, QuotesHostileInputHarmlessly)
{
    const auto bad = PciAddress::parse(std::string_view("a\"b\n\x1b[2J\0z", 10));
    ASSERT_FALSE(bad);
    EXPECT_EQ(english_sentence(bad.error()), "isola-helper: \"a\\\"b\\x0a\\x1b[2J\\x00z\" is not a PCI address "
                                             "(expected DDDD:BB:DD.F, e.g. 0000:01:00.0)");
}

TEST(Escaped, CutsLongTextWithoutSplittingUtf8)
{
    EXPECT_EQ(escape_for_sentence(std::string(50, 'x'), 10), "xxxxxxxxxx...");
    EXPECT_EQ(escape_for_sentence("abc\xc3\xa9", 4), "abc...");  // é is 2 bytes; not cut in half
    EXPECT_EQ(escape_for_sentence("abc\xc3\xa9", 5), "abc\xc3\xa9");
}

TEST(Escaped, AnUnknownKeyReachesTheRefusalAsAtMost40Bytes)
{
    // An unknown key is not length-checked before it is refused; the refusal (and the reply)
    // carries at most 40 bytes of it.
    QVariantMap args{{QString(100000, QLatin1Char('k')), QStringLiteral("x")}};
    const auto reply = readconfig(args, "/nonexistent");
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().refusal.kind, HelperRefusalKind::UnknownArgument);
    EXPECT_EQ(reply.error().refusal.sent, std::string(40, 'k') + "...");
}

// ---- reading config space -----------------------------------------------------------------------

TEST_F(FakeSysfs, ReadsTheWholeConfigSpace)
{
    add_device("0000:01:00.0", config_bytes(256));
    const auto data = read_config_space(root, *PciAddress::parse("0000:01:00.0"));
    ASSERT_TRUE(data) << english_sentence(data.error());
    EXPECT_EQ(data->size(), 256u);
    EXPECT_EQ((*data)[0], std::byte{0x86});
    EXPECT_EQ((*data)[255], std::byte{0xff});
}

TEST_F(FakeSysfs, ReadsAtMost4096Bytes)
{
    add_device("0000:01:00.0", config_bytes(10000));
    const auto data = read_config_space(root, *PciAddress::parse("0000:01:00.0"));
    ASSERT_TRUE(data) << english_sentence(data.error());
    EXPECT_EQ(data->size(), 4096u);
}

TEST_F(FakeSysfs, SaysWhenTheDeviceDoesNotExist)
{
    const auto data = read_config_space(root, *PciAddress::parse("0000:42:00.0"));
    ASSERT_FALSE(data);
    EXPECT_EQ(data.error().code(), ErrorCode::NoSuchDevice);
    EXPECT_EQ(english_sentence(data.error()), "isola-helper: no PCI device 0000:42:00.0 on this host");
}

TEST_F(FakeSysfs, RefusesAConfigFileThatIsASymlink)
{
    const fs::path dir = add_device("0000:01:00.0", {});
    fs::remove(dir / "config");
    std::ofstream(root / "secret") << "root's secret";
    fs::create_symlink(root / "secret", dir / "config");

    const auto data = read_config_space(root, *PciAddress::parse("0000:01:00.0"));
    ASSERT_FALSE(data);
    EXPECT_EQ(data.error().code(), ErrorCode::UnsafeFile);
    EXPECT_EQ(english_sentence(data.error()),
              "isola-helper: refusing to read /sys/bus/pci/devices/0000:01:00.0/config: it is a symbolic link, not the "
              "kernel's configuration space file");
}

TEST_F(FakeSysfs, RefusesAConfigFileThatIsNotARegularFile)
{
    const fs::path dir = add_device("0000:01:00.0", {});
    fs::remove(dir / "config");
    ASSERT_EQ(::mkfifo((dir / "config").c_str(), 0600), 0);  // would block a naive open()

    const auto data = read_config_space(root, *PciAddress::parse("0000:01:00.0"));
    ASSERT_FALSE(data);
    EXPECT_EQ(data.error().code(), ErrorCode::UnsafeFile);
    EXPECT_EQ(english_sentence(data.error()),
              "isola-helper: refusing to read /sys/bus/pci/devices/0000:01:00.0/config: it is not a regular file");
}

TEST_F(FakeSysfs, ReportsAMissingConfigFileWithTheKernelsReason)
{
    const fs::path dir = add_device("0000:01:00.0", {});
    fs::remove(dir / "config");
    const auto data = read_config_space(root, *PciAddress::parse("0000:01:00.0"));
    ASSERT_FALSE(data);
    EXPECT_EQ(data.error().code(), ErrorCode::ReadFailed);
    EXPECT_EQ(english_sentence(data.error()),
              "isola-helper: could not read the configuration space of 0000:01:00.0: No such file or directory");
}

// ---- the readconfig action: arguments in, reply out --------------------------------------------

TEST_F(FakeSysfs, ReadconfigRepliesWithConfigAndLength)
{
    add_device("0000:01:00.0", config_bytes(4096));
    const auto reply = readconfig(bdf_arg(QStringLiteral("0000:01:00.0")), root);
    ASSERT_TRUE(reply) << english_sentence(reply.error());
    EXPECT_EQ(reply->keys(), (QStringList{QStringLiteral("config"), QStringLiteral("length")}));
    EXPECT_EQ(reply->value(QStringLiteral("length")).typeId(), QMetaType::Int);
    EXPECT_EQ(reply->value(QStringLiteral("length")).toInt(), 4096);
    const QByteArray config = reply->value(QStringLiteral("config")).toByteArray();
    EXPECT_EQ(config.size(), 4096);
    EXPECT_EQ(config.left(4), QByteArray("\x86\x80\xd3\x10", 4));
}

struct BadArguments {
    const char* name;
    QVariantMap args;
    HelperRefusalKind kind;
    const char* sentence;
};

// Names the parameter in test output instead of dumping its bytes.
void PrintTo(const BadArguments& bad, std::ostream* out)
{
    *out << bad.name;
}

class ReadconfigRefuses : public FakeSysfs, public ::testing::WithParamInterface<BadArguments> {};

TEST_P(ReadconfigRefuses, WithOneSentence)
{
    add_device("0000:01:00.0", config_bytes(256));
    const auto reply = readconfig(GetParam().args, root);
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().code(), ErrorCode::BadArguments);
    EXPECT_EQ(reply.error().refusal.kind, GetParam().kind);
    EXPECT_EQ(english_sentence(reply.error()), GetParam().sentence);
}

INSTANTIATE_TEST_SUITE_P(
    Arguments, ReadconfigRefuses,
    ::testing::Values(
        BadArguments{"Empty", {}, HelperRefusalKind::MissingArgument,
                     "isola-helper: readconfig needs the argument \"bdf\" (a PCI address such as 0000:01:00.0)"},
        BadArguments{"UnknownKey",
                     {{QStringLiteral("bdf"), QStringLiteral("0000:01:00.0")},
                      {QStringLiteral("path"), QStringLiteral("/etc/shadow")}},
                     HelperRefusalKind::UnknownArgument,
                     "isola-helper: unknown argument \"path\"; readconfig takes only \"bdf\""},
        BadArguments{"UnknownKeyOnly",
                     {{QStringLiteral("Bdf"), QStringLiteral("0000:01:00.0")}},
                     HelperRefusalKind::UnknownArgument,
                     "isola-helper: unknown argument \"Bdf\"; readconfig takes only \"bdf\""},
        BadArguments{"ByteArray", bdf_arg(QByteArray("0000:01:00.0")), HelperRefusalKind::NotAString,
                     "isola-helper: argument \"bdf\" of readconfig must be a string, not QByteArray"},
        BadArguments{"Int", bdf_arg(42), HelperRefusalKind::NotAString,
                     "isola-helper: argument \"bdf\" of readconfig must be a string, not int"},
        BadArguments{"StringList", bdf_arg(QStringList{QStringLiteral("0000:01:00.0")}), HelperRefusalKind::NotAString,
                     "isola-helper: argument \"bdf\" of readconfig must be a string, not QStringList"},
        BadArguments{"Invalid", bdf_arg(QVariant()), HelperRefusalKind::NotAString,
                     "isola-helper: argument \"bdf\" of readconfig must be a string, but it has no value"},
        BadArguments{"OverLong", bdf_arg(QString(5000, QLatin1Char('0'))), HelperRefusalKind::TooLong,
                     "isola-helper: argument \"bdf\" of readconfig is 5000 characters long; at most 32 are accepted"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST_F(FakeSysfs, ReadconfigRefusesManyArgumentsBeforeLookingAtThem)
{
    QVariantMap args;
    for (int i = 0; i < 1000; ++i) {
        args.insert(QStringLiteral("k%1").arg(i), i);
    }
    const auto reply = readconfig(args, root);
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().refusal.kind, HelperRefusalKind::TooManyArguments);
    EXPECT_EQ(english_sentence(reply.error()), "isola-helper: 1000 arguments sent; readconfig takes only \"bdf\"");
}

TEST_F(FakeSysfs, ReadconfigPassesAddressAndDeviceRefusalsThrough)
{
    const auto bad = readconfig(bdf_arg(QStringLiteral("0000:zz:00.0")), root);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code(), ErrorCode::NotAPciAddress);

    const auto absent = readconfig(bdf_arg(QStringLiteral("0000:42:00.0")), root);
    ASSERT_FALSE(absent);
    EXPECT_EQ(absent.error().code(), ErrorCode::NoSuchDevice);
    EXPECT_EQ(english_sentence(absent.error()), "isola-helper: no PCI device 0000:42:00.0 on this host");
}

}  // namespace
}  // namespace isola::helper
