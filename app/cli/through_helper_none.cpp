// isolactl built without the helper (ISOLA_BUILD_HELPER=OFF): changes need root.
#include <iostream>

#include "commands.hpp"
#include "text/message.hpp"
#include "through_helper.hpp"

namespace isola::cli {
namespace {

int no_helper(const char* command)
{
    std::cerr << "isolactl: "
              << say("this isolactl was built without Isola's helper, so {0} needs root: run it as root "
                     "(for example sudo isolactl {0} …)",
                     command)
              << "\n";
    return kExitBlocked;
}

}  // namespace

int apply_through_helper(const AttachRequest&, const std::string&, bool) { return no_helper("apply"); }
int restore_through_helper(const std::vector<Bdf>&, bool) { return no_helper("restore"); }
int probe_through_helper(const Bdf&, Backend, bool) { return no_helper("probe"); }
int persist_through_helper(const AttachRequest&, const std::string&) { return no_helper("persist"); }
int unpersist_through_helper(const std::vector<Bdf>&) { return no_helper("unpersist"); }

}  // namespace isola::cli
