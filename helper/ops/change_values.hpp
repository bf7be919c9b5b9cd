// The values of apply, restore and probe, checked one by one after parse_arguments() has checked
// the map's shape: a caller's text becomes a typed value here or a Malformed refusal naming the
// argument, what was sent and what it should look like.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ops/failure.hpp"
#include "ops/pci_address.hpp"
#include "plan/attach_plan.hpp"

namespace isola::helper {

// "0000:01:00.0 0000:01:00.1": one to max_devices_per_call addresses in the kernel's spelling,
// separated by single spaces; "" only when `allow_empty` (restore: everything Isola moved).
std::expected<std::vector<PciAddress>, Failure> parse_device_list(std::string_view action, std::string_view text,
                                                                  bool allow_empty);

// Each address must name a function under <sysfs>/bus/pci/devices: NoSuchDevice otherwise.
std::expected<void, Failure> require_present(const std::filesystem::path& sysfs, const std::vector<PciAddress>& devices);

// Letters, digits, '.', '_', '+', '-', 1..64 of them, not starting with '-': every name libvirt,
// Proxmox or a person's script gives a VM, and nothing a log or a journal could misread.
std::expected<std::string, Failure> parse_vm_name(std::string_view action, std::string_view text);

std::expected<Backend, Failure> parse_backend(std::string_view action, std::string_view text);

// Exactly plan_fingerprint()'s spelling: 16 lower-case hexadecimal digits.
std::expected<std::string, Failure> parse_fingerprint(std::string_view action, std::string_view text);

// C or POSIX, or language[_TERRITORY], then [.codeset][@modifier] ("C.UTF-8", "de_DE.UTF-8",
// "sr_RS@latin"), from ASCII letters, digits and '-' only:
// never a path (newlocale() would read a locale from a path containing '/').
std::expected<std::string, Failure> parse_locale(std::string_view action, std::string_view text);

}  // namespace isola::helper
