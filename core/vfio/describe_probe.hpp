// The words of the attach probe, said in one place from its typed values (text/message.hpp):
// isolactl probe, the GUI and the helper's clients print these.
#pragma once

#include <string>

#include "vfio/attach_probe.hpp"

namespace isola {

// Why the probe stopped: the device, the group, what holds it, what to do, and the kernel's
// refusal as the call's name and the errno's name ("the kernel refused VFIO_GROUP_SET_CONTAINER
// with EPERM") — never the errno alone.
std::string describe(const ProbeFailure& failure);

// What a probe that went through did, in one sentence.
std::string describe_success(const AttachProbe& probe);

// describe_success() or describe() of its failure.
std::string describe(const AttachProbe& probe);

}  // namespace isola
