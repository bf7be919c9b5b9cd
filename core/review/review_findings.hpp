// The two halves of review_host(): findings about the host itself and about the VM definitions
// that claim its devices. Internal to core/review.
#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include "review/review.hpp"

namespace isola::review_detail {

// One VM's claims with whole slots expanded against the host, under a name unique in the review.
struct ExpandedVm {
    const VmDefinition* definition = nullptr;
    std::string key;  // the name, made unique ("web (/etc/pve/qemu-server/101.conf)") when two share it
    struct Claim {
        Bdf address;
        const ClaimedDevice* source = nullptr;
    };
    std::vector<Claim> claims;
    // Claims whose address now holds another device than the definition recorded (Proxmox
    // mappings): reported, and left out of `claims` — the VM would not get that device.
    std::vector<std::pair<const ClaimedDevice*, const Device*>> changed;
};

std::vector<ExpandedVm> expand_vms(const Topology& t, std::span<const VmDefinition> vms);

// Which VMs claim each address.
std::map<Bdf, std::vector<std::string>> claims_by_device(const std::vector<ExpandedVm>& vms);

void add_host_findings(const Topology& t, const std::map<GroupId, GroupState>& states, bool have_vm_definitions,
                       const std::map<Bdf, std::vector<std::string>>& claims, std::vector<ReviewFinding>& out);

void add_vm_findings(const Topology& t, const std::vector<ExpandedVm>& vms, std::vector<ReviewFinding>& out);

}  // namespace isola::review_detail
