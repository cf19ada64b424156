// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/modelid.h"

#include "core/error.h"
#include "core/zoo/zoo.h"

#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>
#include <vector>

#include <sys/stat.h>

namespace cleave {

ModelIdentity::ModelIdentity(std::string content, Sha256 prefix)
    : m_content(std::move(content))
    , m_prefix(std::move(prefix))
{}

ModelIdentity ModelIdentity::ofArchive(std::string_view bytes)
{
    ModelIdentityBuilder builder;
    builder.add(bytes);
    return builder.finish();
}

namespace {

/// A file as the system knows it: another content means another key (a rewrite changes the
/// size or the modification time, a replacement the inode).
struct FileKey
{
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    int64_t modified_ns = 0;
    auto tied() const { return std::tie(device, inode, size, modified_ns); }
    bool operator<(const FileKey &o) const { return tied() < o.tied(); }
    bool operator==(const FileKey &o) const { return tied() == o.tied(); }
};

std::optional<FileKey> keyOf(const std::string &path)
{
    struct stat info = {};
    if (stat(path.c_str(), &info) != 0)
        return std::nullopt;
    return FileKey{info.st_dev, info.st_ino, info.st_size,
                   int64_t(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec};
}

// plan, report, export and the model check each ask for a file's identity: it is read once per
// process while the file stays the same.
std::mutex g_knownMutex;
std::map<FileKey, ModelIdentity> g_known;

} // namespace

ModelIdentity ModelIdentity::ofFile(const std::string &path)
{
    const auto before = keyOf(path);
    if (before) {
        const std::lock_guard lock(g_knownMutex);
        if (const auto found = g_known.find(*before); found != g_known.end())
            return found->second;
    }
    auto identity = readFile(path);
    if (before && keyOf(path) == before) { // unchanged while it was read
        const std::lock_guard lock(g_knownMutex);
        g_known.emplace(*before, identity);
    }
    return identity;
}

ModelIdentity ModelIdentity::readFile(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw Error(ErrorKind::NotFound, path + ": cannot read the model file");
    ModelIdentityBuilder builder;
    std::vector<char> buffer(size_t(1) << 20);
    while (file) {
        file.read(buffer.data(), std::streamsize(buffer.size()));
        builder.add({buffer.data(), size_t(file.gcount())});
    }
    if (file.bad())
        throw Error(ErrorKind::Unavailable, path + ": reading the model file failed");
    return builder.finish();
}

ModelIdentity ModelIdentity::ofZoo(const std::string &name, uint64_t seed)
{
    const auto content = "zoo:" + name + "@" + std::to_string(seed);
    Sha256 prefix;
    prefix.add(content);
    return ModelIdentity(content, prefix);
}

ModelIdentity ModelIdentity::of(const std::string &spec, uint64_t seed)
{
    if (const auto name = zoo::zooName(spec))
        return ofZoo(*name, seed);
    return ofFile(spec);
}

std::string ModelIdentity::id(const std::string &shapeText, graph::Granularity granularity) const
{
    Sha256 hash(m_prefix);
    hash.add("@" + shapeText);
    if (granularity != graph::Granularity::Block)
        hash.add("/" + graph::granularityName(granularity));
    return hash.hex();
}

std::string ModelIdentity::id(const std::optional<graph::Shape> &input,
                              graph::Granularity granularity) const
{
    return id(input ? graph::formatShape(*input) : std::string(), granularity);
}

void ModelIdentityBuilder::add(std::string_view bytes)
{
    m_whole.add(bytes);
}

ModelIdentity ModelIdentityBuilder::finish() const
{
    return ModelIdentity("sha256:" + m_whole.hex(), m_whole);
}

} // namespace cleave
