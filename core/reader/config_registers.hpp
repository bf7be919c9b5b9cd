// Where the capability walk (config_space.cpp) gets its registers from: the seam between decoding
// a configuration space and obtaining one.
//
// Two sources exist. The reader asks the device itself, one dword at a time, through sysfs'
// `config` file (ConfigFile), because each dword is a transaction with the device. A config space
// obtained elsewhere — isola-helper's readconfig reply, a saved image — is already bytes in memory
// (ConfigBytes). Both answer the same two questions, so the same walk decodes both, and what is out
// of reach is unknown for the same reason either way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "reader/sysfs_file.hpp"

namespace isola {

class ConfigRegisters {
public:
    virtual ~ConfigRegisters() = default;
    // How large the function's configuration space is: 256 bytes, or 4096 with extended space.
    // Less when only part of it was obtained; whether a dword is readable is dword()'s answer.
    virtual std::size_t size() const = 0;
    // The aligned dword at `offset`, little-endian as on the bus; nullopt when it cannot be read.
    virtual std::optional<std::uint32_t> dword(unsigned offset) const = 0;

protected:
    ConfigRegisters() = default;
    ConfigRegisters(const ConfigRegisters&) = default;
    ConfigRegisters& operator=(const ConfigRegisters&) = default;
};

// A function's `config` file in sysfs, read with one pread per dword. size() is the file's size,
// which is the device's whatever the reader may see: past byte 64 the kernel returns nothing to a
// reader without CAP_SYS_ADMIN, and dword() says nullopt there.
class ConfigFile final : public ConfigRegisters {
public:
    // `function_dir` is the function's sysfs directory; a closed one gives an unreadable file.
    explicit ConfigFile(const sysfs::AttributeDir& function_dir);
    ~ConfigFile() override;
    ConfigFile(const ConfigFile&) = delete;
    ConfigFile& operator=(const ConfigFile&) = delete;

    std::size_t size() const override { return size_; }
    std::optional<std::uint32_t> dword(unsigned offset) const override;

private:
    int fd_ = -1;
    std::size_t size_ = 0;
};

// A configuration space already in memory. A dword is readable only when all four of its bytes lie
// inside `bytes`, so the 64 bytes a non-root reader gets decode exactly as the sysfs file does for
// that reader. The bytes are borrowed: they must outlive this object.
class ConfigBytes final : public ConfigRegisters {
public:
    explicit ConfigBytes(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

    std::size_t size() const override { return bytes_.size(); }
    std::optional<std::uint32_t> dword(unsigned offset) const override;

private:
    std::span<const std::uint8_t> bytes_;
};

}  // namespace isola
