// Facts about the helper's refusals as data: every kind's English sentence verbatim (what the
// helper sends as error text and the client shows in an English session), some of them in German
// and French from the catalogs, and the reply form that carries them from the helper to the client.
#include <algorithm>
#include <cerrno>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <QStringList>

#include "ops/failure.hpp"
#include "refusal/describe_helper_refusal.hpp"
#include "refusal/helper_refusal.hpp"
#include "support/speaking.hpp"

namespace isola::helper {
namespace {

using isola::test::Speaking;

Bdf bdf(const char* text)
{
    return *Bdf::parse(text);
}

// One refusal of every kind (two for NotAString and TooLong), as the helper makes them.
struct Sample {
    const char* name;
    HelperRefusal refusal;
    const char* english;
};

// Names the parameter in test output (and ctest's test names) instead of dumping its bytes.
void PrintTo(const Sample& sample, std::ostream* out)
{
    *out << sample.name;
}

std::vector<Sample> samples()
{
    using K = HelperRefusalKind;
    return {
        {"TooManyArguments",
         {.kind = K::TooManyArguments, .action = "readconfig", .accepted = {"bdf"}, .count = 1000},
         "isola-helper: 1000 arguments sent; readconfig takes only \"bdf\""},
        {"UnknownArgument",
         {.kind = K::UnknownArgument, .action = "readconfig", .accepted = {"bdf", "driver"}, .sent = "path"},
         "isola-helper: unknown argument \"path\"; readconfig takes only \"bdf\" and \"driver\""},
        {"MissingArgument",
         {.kind = K::MissingArgument, .action = "readconfig", .argument = "bdf", .form = ArgumentForm::PciAddress},
         "isola-helper: readconfig needs the argument \"bdf\" (a PCI address such as 0000:01:00.0)"},
        {"NotAString",
         {.kind = K::NotAString, .action = "readconfig", .argument = "bdf", .type = "QByteArray"},
         "isola-helper: argument \"bdf\" of readconfig must be a string, not QByteArray"},
        {"NotAStringNoValue",
         {.kind = K::NotAString, .action = "readconfig", .argument = "bdf"},
         "isola-helper: argument \"bdf\" of readconfig must be a string, but it has no value"},
        {"TooLong",
         {.kind = K::TooLong, .action = "readconfig", .argument = "bdf", .length = 5000, .limit = 32},
         "isola-helper: argument \"bdf\" of readconfig is 5000 characters long; at most 32 are accepted"},
        {"TooLongOne",
         {.kind = K::TooLong, .action = "readconfig", .argument = "bdf", .length = 2, .limit = 1},
         "isola-helper: argument \"bdf\" of readconfig is 2 characters long; at most 1 is accepted"},
        {"NotAPciAddress",
         {.kind = K::NotAPciAddress, .sent = "0000:zz:00.0"},
         "isola-helper: \"0000:zz:00.0\" is not a PCI address (expected DDDD:BB:DD.F, e.g. 0000:01:00.0)"},
        {"Malformed",
         {.kind = K::Malformed, .action = "apply", .argument = "backend", .form = ArgumentForm::Backend, .sent = "vfio"},
         "isola-helper: argument \"backend\" of apply is \"vfio\", which is not legacy or iommufd"},
        {"MalformedList",
         {.kind = K::Malformed, .action = "restore", .argument = "devices", .form = ArgumentForm::PciAddressList, .sent = " "},
         "isola-helper: argument \"devices\" of restore is \" \", which is not up to 32 PCI addresses separated by single "
         "spaces, such as \"0000:01:00.0 0000:01:00.1\""},
        {"MalformedVm",
         {.kind = K::Malformed, .action = "apply", .argument = "vm", .form = ArgumentForm::VmName, .sent = ""},
         "isola-helper: argument \"vm\" of apply is \"\", which is not a VM name of at most 64 letters, digits, '.', '_', "
         "'+' or '-', not starting with '-'"},
        {"MalformedFingerprint",
         {.kind = K::Malformed, .action = "apply", .argument = "fingerprint", .form = ArgumentForm::Fingerprint, .sent = "x"},
         "isola-helper: argument \"fingerprint\" of apply is \"x\", which is not the fingerprint of an approved plan: 16 "
         "hexadecimal digits, as isolactl plan prints it"},
        {"MalformedLocale",
         {.kind = K::Malformed, .action = "probe", .argument = "locale", .form = ArgumentForm::Locale, .sent = "/x"},
         "isola-helper: argument \"locale\" of probe is \"/x\", which is not a locale name such as de_DE.UTF-8, fr or C"},
        {"NoSuchDevice",
         {.kind = K::NoSuchDevice, .device = bdf("0000:42:00.0")},
         "isola-helper: no PCI device 0000:42:00.0 on this host"},
        {"SymbolicLink",
         {.kind = K::SymbolicLink, .path = "/sys/bus/pci/devices/0000:01:00.0/config"},
         "isola-helper: refusing to read /sys/bus/pci/devices/0000:01:00.0/config: it is a symbolic link, not the "
         "kernel's configuration space file"},
        {"NotARegularFile",
         {.kind = K::NotARegularFile, .path = "/sys/bus/pci/devices/0000:01:00.0/config"},
         "isola-helper: refusing to read /sys/bus/pci/devices/0000:01:00.0/config: it is not a regular file"},
        {"ReadFailed",
         {.kind = K::ReadFailed, .device = bdf("0000:01:00.0"), .error_number = EACCES},
         "isola-helper: could not read the configuration space of 0000:01:00.0: Permission denied"},
        {"Internal",
         {.kind = K::Internal, .action = "readconfig", .detail = "std::bad_alloc"},
         "isola-helper: internal error in readconfig: std::bad_alloc"},
    };
}

const HelperRefusal& sample(std::string_view name)
{
    static const std::vector<Sample> all = samples();
    for (const Sample& s : all) {
        if (s.name == name) {
            return s.refusal;
        }
    }
    throw std::logic_error("no such sample");
}

class EveryRefusal : public ::testing::TestWithParam<Sample> {};

TEST_P(EveryRefusal, IsOneEnglishSentence)
{
    EXPECT_EQ(describe_helper_refusal(GetParam().refusal), GetParam().english);
    EXPECT_EQ(english_sentence(Failure{GetParam().refusal}), GetParam().english);
}

TEST_P(EveryRefusal, SurvivesTheReply)
{
    const QVariantMap data = refusal_data(GetParam().refusal);
    const auto back = refusal_from_data(data);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, GetParam().refusal);
}

INSTANTIATE_TEST_SUITE_P(Kinds, EveryRefusal, ::testing::ValuesIn(samples()),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(HelperRefusal, EveryKindHasItsOwnNameAndCode)
{
    using K = HelperRefusalKind;
    const std::vector<std::pair<K, ErrorCode>> kinds{
        {K::TooManyArguments, ErrorCode::BadArguments}, {K::UnknownArgument, ErrorCode::BadArguments},
        {K::MissingArgument, ErrorCode::BadArguments},  {K::NotAString, ErrorCode::BadArguments},
        {K::TooLong, ErrorCode::BadArguments},          {K::NotAPciAddress, ErrorCode::NotAPciAddress},
        {K::NoSuchDevice, ErrorCode::NoSuchDevice},     {K::SymbolicLink, ErrorCode::UnsafeFile},
        {K::NotARegularFile, ErrorCode::UnsafeFile},    {K::ReadFailed, ErrorCode::ReadFailed},
        {K::Internal, ErrorCode::Internal},             {K::Malformed, ErrorCode::BadArguments},
    };
    std::vector<std::string_view> names;
    for (const auto& [kind, code] : kinds) {
        EXPECT_EQ(error_code(kind), code);
        const std::string_view name = helper_refusal_name(kind);
        EXPECT_NE(name, "unknown");
        EXPECT_EQ(helper_refusal_kind(name), kind);
        EXPECT_EQ(std::ranges::count(names, name), 0) << name;
        names.push_back(name);
    }
}

TEST(HelperRefusal, ReplyCarriesTheKindsNameAndOnlyItsArguments)
{
    EXPECT_EQ(refusal_data(sample("NoSuchDevice")),
              (QVariantMap{{QStringLiteral("refusal"), QStringLiteral("no-such-device")},
                           {QStringLiteral("refusal-args"),
                            QVariantMap{{QStringLiteral("device"), QStringLiteral("0000:42:00.0")}}}}));
    EXPECT_EQ(refusal_data(sample("TooManyArguments")),
              (QVariantMap{{QStringLiteral("refusal"), QStringLiteral("too-many-arguments")},
                           {QStringLiteral("refusal-args"),
                            QVariantMap{{QStringLiteral("action"), QStringLiteral("readconfig")},
                                        {QStringLiteral("accepted"), QStringList{QStringLiteral("bdf")}},
                                        {QStringLiteral("count"), qlonglong{1000}}}}}));
    EXPECT_EQ(refusal_data(sample("ReadFailed")).value(QStringLiteral("refusal-args")).toMap(),
              (QVariantMap{{QStringLiteral("device"), QStringLiteral("0000:01:00.0")},
                           {QStringLiteral("errno"), EACCES}}));
}

TEST(HelperRefusal, ReplyWithoutUnderstandableDataIsNoRefusal)
{
    const QVariantMap good = refusal_data(sample("NoSuchDevice"));
    EXPECT_FALSE(refusal_from_data({}));

    QVariantMap future = good;
    future.insert(QStringLiteral("refusal"), QStringLiteral("kernel-too-old"));  // a newer helper's kind
    EXPECT_FALSE(refusal_from_data(future));

    QVariantMap no_args = good;
    no_args.remove(QStringLiteral("refusal-args"));
    EXPECT_FALSE(refusal_from_data(no_args));

    QVariantMap bad_device = good;
    bad_device.insert(QStringLiteral("refusal-args"), QVariantMap{{QStringLiteral("device"), QStringLiteral("gpu")}});
    EXPECT_FALSE(refusal_from_data(bad_device));

    QVariantMap device_as_bytes = good;
    device_as_bytes.insert(QStringLiteral("refusal-args"),
                           QVariantMap{{QStringLiteral("device"), QByteArray("0000:42:00.0")}});
    EXPECT_FALSE(refusal_from_data(device_as_bytes));

    QVariantMap missing_count = refusal_data(sample("TooManyArguments"));
    QVariantMap args = missing_count.value(QStringLiteral("refusal-args")).toMap();
    args.remove(QStringLiteral("count"));
    missing_count.insert(QStringLiteral("refusal-args"), args);
    EXPECT_FALSE(refusal_from_data(missing_count));
}

TEST(HelperRefusal, GermanAndFrenchFromTheCatalogs)
{
    {
        Speaking de("de_DE.UTF-8");
        if (!de.ok()) GTEST_SKIP() << "no de_DE.UTF-8 locale";
        EXPECT_EQ(describe_helper_refusal(sample("NoSuchDevice")),
                  "isola-helper: kein PCI-Gerät 0000:42:00.0 auf diesem Host");
        EXPECT_EQ(describe_helper_refusal(sample("NotAPciAddress")),
                  "isola-helper: „0000:zz:00.0“ ist keine PCI-Adresse (erwartet wird DDDD:BB:DD.F, z.\u00a0B. "
                  "0000:01:00.0)");
        EXPECT_EQ(describe_helper_refusal(sample("UnknownArgument")),
                  "isola-helper: unbekanntes Argument „path“; readconfig nimmt nur „bdf“ und „driver“ an");
        EXPECT_EQ(describe_helper_refusal(sample("MissingArgument")),
                  "isola-helper: readconfig braucht das Argument „bdf“ (eine PCI-Adresse wie 0000:01:00.0)");
        EXPECT_EQ(describe_helper_refusal(sample("TooLong")),
                  "isola-helper: das Argument „bdf“ von readconfig ist 5000 Zeichen lang; höchstens 32 werden "
                  "angenommen");
        EXPECT_EQ(describe_helper_refusal(sample("Malformed")),
                  "isola-helper: Argument „backend“ von apply ist „vfio“, das ist nicht legacy oder iommufd");
        // The helper's error text stays English whatever locale it inherited.
        EXPECT_EQ(english_sentence(Failure{sample("NoSuchDevice")}),
                  "isola-helper: no PCI device 0000:42:00.0 on this host");
    }
    {
        Speaking fr("fr_FR.UTF-8");
        if (!fr.ok()) GTEST_SKIP() << "no fr_FR.UTF-8 locale";
        EXPECT_EQ(describe_helper_refusal(sample("NoSuchDevice")),
                  "isola-helper\u00a0: aucun périphérique PCI 0000:42:00.0 sur cet hôte");
        EXPECT_EQ(describe_helper_refusal(sample("UnknownArgument")),
                  "isola-helper\u00a0: argument inconnu «\u00a0path\u00a0»\u00a0; readconfig n’accepte que "
                  "«\u00a0bdf\u00a0» et «\u00a0driver\u00a0»");
        EXPECT_EQ(describe_helper_refusal(sample("SymbolicLink")),
                  "isola-helper\u00a0: refus de lire /sys/bus/pci/devices/0000:01:00.0/config\u00a0: c’est un lien "
                  "symbolique, pas le fichier de l’espace de configuration du noyau");
        EXPECT_EQ(describe_helper_refusal(sample("TooManyArguments")),
                  "isola-helper\u00a0: 1000 arguments envoyés\u00a0; readconfig n’accepte que «\u00a0bdf\u00a0»");
        EXPECT_EQ(describe_helper_refusal(sample("MalformedLocale")),
                  "isola-helper\u00a0: l’argument «\u00a0locale\u00a0» de probe vaut «\u00a0/x\u00a0», ce qui n’est pas "
                  "un nom de locale comme de_DE.UTF-8, fr ou C");
    }
}

}  // namespace
}  // namespace isola::helper
