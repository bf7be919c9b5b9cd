// Files a user names are read with a bound and refused as what they are; nothing blocks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "text/user_file.hpp"

using namespace isola;

namespace {

struct TempDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("isola-user-file-" + std::to_string(::getpid()));
    TempDir() { std::filesystem::create_directories(path); }
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST(UserFile, ARegularFileIsReadWhole) {
    TempDir t;
    std::ofstream(t.path / "l.txt") << "IOMMU Group 1:\n";
    auto text = read_user_file(t.path / "l.txt", 1024, UserFileKind::Listing);
    ASSERT_TRUE(text) << text.error().message;
    EXPECT_EQ(*text, "IOMMU Group 1:\n");
}

TEST(UserFile, AFileOverTheBoundIsRefusedBeforeItIsRead) {
    TempDir t;
    std::ofstream(t.path / "l.txt") << std::string(2048, 'x');
    auto text = read_user_file(t.path / "l.txt", 1024, UserFileKind::Listing);
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().kind, UserFileError::Kind::TooLarge);
    EXPECT_EQ(text.error().message, "cannot read the listing " + (t.path / "l.txt").string() +
                                        ": at 2 KiB it is larger than the 1 KiB limit for this kind of file; is it the right file?");
}

TEST(UserFile, AFileThatReportsNoSizeIsStillBounded) {
    // procfs files report size 0 and are read until the bound.
    auto small = read_user_file("/proc/self/status", 1 << 20, UserFileKind::Listing);
    ASSERT_TRUE(small) << small.error().message;
    EXPECT_NE(small->find("Name:"), std::string::npos);
    auto bounded = read_user_file("/proc/self/status", 16, UserFileKind::Listing);
    ASSERT_FALSE(bounded);
    EXPECT_EQ(bounded.error().message,
              "cannot read the listing /proc/self/status: it is larger than the 16 bytes limit for this kind of file; is it "
              "the right file?");
}

TEST(UserFile, DevicesPipesDirectoriesAndMissingFilesAreSaidAsWhatTheyAre) {
    TempDir t;
    ASSERT_EQ(::mkfifo((t.path / "fifo").c_str(), 0600), 0);
    EXPECT_EQ(read_user_file("/dev/zero", 1024, UserFileKind::Snapshot).error().message,
              "cannot read the snapshot /dev/zero: it is a device, not a file; save its content to a file first");
    EXPECT_EQ(read_user_file(t.path / "fifo", 1024, UserFileKind::Listing).error().kind, UserFileError::Kind::NotRegular);
    EXPECT_EQ(read_user_file(t.path, 1024, UserFileKind::Listing).error().kind, UserFileError::Kind::Directory);
    EXPECT_EQ(read_user_file(t.path / "none", 1024, UserFileKind::Listing).error().message,
              "cannot read the listing " + (t.path / "none").string() + ": there is no such file");
    EXPECT_TRUE(check_user_file("/proc/self/status", 1024, UserFileKind::PciIds));
    EXPECT_EQ(check_user_file("/dev/null", 1024, UserFileKind::PciIds).error().kind, UserFileError::Kind::NotRegular);
}

TEST(UserFile, SizesAreSaidForPeople) {
    EXPECT_EQ(describe_size(512), "512 bytes");
    EXPECT_EQ(describe_size(1), "1 byte");
    EXPECT_EQ(describe_size(64u << 20), "64 MiB");
    EXPECT_EQ(describe_size(1ull << 30), "1 GiB");
    EXPECT_EQ(describe_size(1536), "1.5 KiB");
}
