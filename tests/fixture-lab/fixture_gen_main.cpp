// isola-fixture-gen SPEC.json OUTDIR | --scale N [--shape SHAPE] OUTDIR: writes OUTDIR/{sys,proc,dev,etc}.
#include "fixture_lab.hpp"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <print>
#include <sstream>
#include <string_view>

namespace {

int usage() {
    std::println(stderr,
                 "usage: isola-fixture-gen SPEC.json OUTDIR\n"
                 "       isola-fixture-gen --scale FUNCTIONS [--shape vf-heavy|switch-heavy|one-group|multi-domain] OUTDIR");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace isola::lab;
    if ((argc == 4 || argc == 6) && std::string_view(argv[1]) == "--scale") {
        int functions = 0;
        const std::string_view n = argv[2];
        auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), functions);
        if (ec != std::errc{} || end != n.data() + n.size() || functions < 1 || functions > 60000) {
            std::println(stderr, "isola-fixture-gen: --scale wants a number of functions from 1 to 60000, not \"{}\"", n);
            return 2;
        }
        ScaleShape shape = ScaleShape::VfHeavy;
        if (argc == 6) {
            const auto named = std::string_view(argv[3]) == "--shape" ? scale_shape_named(argv[4]) : std::nullopt;
            if (!named) {
                std::println(stderr, "isola-fixture-gen: --shape wants vf-heavy, switch-heavy, one-group or multi-domain, "
                                     "not \"{}\"", argv[4]);
                return 2;
            }
            shape = *named;
        }
        const auto spec = scale_machine(functions, shape);
        const char* out = argv[argc - 1];
        write_fixture(spec, out);
        std::println("{}: {} PCI functions written to {}", spec.name, function_count(spec), out);
        return 0;
    }
    if (argc != 3) return usage();
    std::ifstream in(argv[1]);
    if (!in) {
        std::println(stderr, "isola-fixture-gen: cannot read {}", argv[1]);
        return 1;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto spec = parse_machine_spec(text.str());
    if (!spec) {
        std::println(stderr, "isola-fixture-gen: {}: {}", argv[1], spec.error());
        return 1;
    }
    try {
        write_fixture(*spec, argv[2]);
    } catch (const std::exception& e) {
        std::println(stderr, "isola-fixture-gen: cannot write {}: {}", argv[2], e.what());
        return 1;
    }
    std::println("{}: {} PCI functions written to {}", spec->name, function_count(*spec), argv[2]);
    return 0;
}
