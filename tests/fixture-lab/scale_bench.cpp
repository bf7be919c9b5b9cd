// Writes the 4k and 16k scale hosts three times each and prints the median wall time.
#include "fixture_lab.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <print>
#include <vector>

int main() {
    using namespace isola::lab;
    const std::filesystem::path out = std::filesystem::path(ISOLA_FIXTURE_OUT) / "bench";
    for (int target : {4096, 16384}) {
        const auto spec = scale_machine(target);
        std::vector<double> seconds;
        for (int run = 0; run < 3; ++run) {
            std::filesystem::remove_all(out);
            const auto start = std::chrono::steady_clock::now();
            write_fixture(spec, out);
            seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        std::ranges::sort(seconds);
        std::println("scale {}: {} functions, write median {:.2f} s (runs {:.2f} {:.2f} {:.2f})", target,
                     function_count(spec), seconds[1], seconds[0], seconds[1], seconds[2]);
    }
    std::filesystem::remove_all(out);
    return 0;
}
