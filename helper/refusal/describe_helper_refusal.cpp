#include "refusal/describe_helper_refusal.hpp"

#include <system_error>
#include <vector>

#include "text/message.hpp"
#include "text/prose.hpp"

namespace isola::helper {

namespace {

std::string accepted_keys(const HelperRefusal& r)
{
    std::vector<std::string> quoted;
    for (const std::string& key : r.accepted) {
        // TRANSLATORS: the name of an argument of the helper ("bdf") in quotes.
        quoted.push_back(say("\"{}\"", key));
    }
    return join_prose(quoted);
}

std::string form_text(ArgumentForm form)
{
    switch (form) {
    case ArgumentForm::PciAddress:
        // TRANSLATORS: what a missing argument should look like; keep the address as it is.
        return say("a PCI address such as 0000:01:00.0");
    case ArgumentForm::PciAddressList:
        // TRANSLATORS: what an argument should look like; {} the most addresses accepted (32).
        return say("up to {} PCI addresses separated by single spaces, such as \"0000:01:00.0 0000:01:00.1\"",
                   max_devices_per_call);
    case ArgumentForm::VmName:
        // TRANSLATORS: what an argument should look like: the name of a virtual machine.
        return say("a VM name of at most 64 letters, digits, '.', '_', '+' or '-', not starting with '-'");
    case ArgumentForm::Backend:
        // TRANSLATORS: what an argument should look like; legacy and iommufd are not translated.
        return say("legacy or iommufd");
    case ArgumentForm::Fingerprint:
        // TRANSLATORS: what an argument should look like; isolactl plan is a command, not translated.
        return say("the fingerprint of an approved plan: 16 hexadecimal digits, as isolactl plan prints it");
    case ArgumentForm::Locale:
        // TRANSLATORS: what an argument should look like; keep the examples as they are.
        return say("a locale name such as de_DE.UTF-8, fr or C");
    }
    return {};
}

std::string device_text(const HelperRefusal& r)
{
    return r.device ? r.device->str() : std::string("?");
}

// The sentence without the "isola-helper: " prefix.
std::string body(const HelperRefusal& r)
{
    switch (r.kind) {
    case HelperRefusalKind::TooManyArguments:
        // TRANSLATORS: {0} how many arguments a program sent to Isola's privileged helper (always far more
        // than it takes), {1} the helper's action ("readconfig"), {2} the argument names it takes, in quotes.
        return say_n("{0} argument sent; {1} takes only {2}", "{0} arguments sent; {1} takes only {2}",
                     static_cast<unsigned long>(r.count), r.count, r.action, accepted_keys(r));
    case HelperRefusalKind::UnknownArgument:
        // TRANSLATORS: {0} the argument name a program sent (escaped), {1} the helper's action
        // ("readconfig"), {2} the argument names it takes, in quotes. Argument names are not translated.
        return say("unknown argument \"{0}\"; {1} takes only {2}", r.sent, r.action, accepted_keys(r));
    case HelperRefusalKind::MissingArgument:
        // TRANSLATORS: {0} the helper's action ("readconfig"), {1} an argument name ("bdf", not translated),
        // {2} what it should look like ("a PCI address such as 0000:01:00.0").
        return say("{0} needs the argument \"{1}\" ({2})", r.action, r.argument, form_text(r.form));
    case HelperRefusalKind::NotAString:
        if (r.type.empty()) {
            // TRANSLATORS: {0} an argument name ("bdf"), {1} the helper's action ("readconfig").
            return say("argument \"{0}\" of {1} must be a string, but it has no value", r.argument, r.action);
        }
        // TRANSLATORS: {0} an argument name ("bdf"), {1} the helper's action ("readconfig"), {2} the Qt type
        // it was sent as ("QByteArray", "int"); none of them is translated.
        return say("argument \"{0}\" of {1} must be a string, not {2}", r.argument, r.action, r.type);
    case HelperRefusalKind::TooLong:
        // TRANSLATORS: {0} an argument name ("bdf"), {1} the helper's action ("readconfig"), {2} the length
        // of what was sent (always more than {3}), {3} the longest accepted, which chooses the plural form.
        return say_n("argument \"{0}\" of {1} is {2} characters long; at most {3} is accepted",
                     "argument \"{0}\" of {1} is {2} characters long; at most {3} are accepted",
                     static_cast<unsigned long>(r.limit), r.argument, r.action, r.length, r.limit);
    case HelperRefusalKind::NotAPciAddress:
        // TRANSLATORS: {} what a program sent as a PCI address (escaped). DDDD:BB:DD.F is the form of an
        // address: domain, bus, device, function; keep it as it is.
        return say("\"{}\" is not a PCI address (expected DDDD:BB:DD.F, e.g. 0000:01:00.0)", r.sent);
    case HelperRefusalKind::Malformed:
        // TRANSLATORS: {0} an argument name ("vm", not translated), {1} the helper's action ("apply"),
        // {2} what a program sent (escaped), {3} what it should look like ("legacy or iommufd").
        return say("argument \"{0}\" of {1} is \"{2}\", which is not {3}", r.argument, r.action, r.sent, form_text(r.form));
    case HelperRefusalKind::NoSuchDevice:
        // TRANSLATORS: {} a PCI address, e.g. 0000:42:00.0.
        return say("no PCI device {} on this host", device_text(r));
    case HelperRefusalKind::SymbolicLink:
        // TRANSLATORS: {} a file in sysfs, e.g. /sys/bus/pci/devices/0000:01:00.0/config.
        return say("refusing to read {}: it is a symbolic link, not the kernel's configuration space file", r.path);
    case HelperRefusalKind::NotARegularFile:
        // TRANSLATORS: {} a file in sysfs, e.g. /sys/bus/pci/devices/0000:01:00.0/config.
        return say("refusing to read {}: it is not a regular file", r.path);
    case HelperRefusalKind::ReadFailed:
        // TRANSLATORS: {0} a PCI address, {1} the system's reason ("Permission denied"), from the C library.
        return say("could not read the configuration space of {0}: {1}", device_text(r),
                   std::generic_category().message(r.error_number));
    case HelperRefusalKind::Internal:
        // TRANSLATORS: {0} the helper's action ("readconfig"), {1} the reason, in English (a bug report's words).
        return say("internal error in {0}: {1}", r.action, r.detail);
    }
    return {};
}

}  // namespace

std::string describe_helper_refusal(const HelperRefusal& refusal)
{
    // TRANSLATORS: every refusal of Isola's privileged helper; {} the refusal. isola-helper is the
    // program's name and stays as it is.
    return say("isola-helper: {}", body(refusal));
}

}  // namespace isola::helper
