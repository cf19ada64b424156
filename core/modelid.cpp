// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/modelid.h"

#include "core/error.h"
#include "core/zoo/zoo.h"

#include <fstream>
#include <vector>

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

ModelIdentity ModelIdentity::ofFile(const std::string &path)
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

std::string ModelIdentity::id(const std::string &shapeText) const
{
    Sha256 hash(m_prefix);
    hash.add("@" + shapeText);
    return hash.hex();
}

std::string ModelIdentity::id(const std::optional<graph::Shape> &input) const
{
    return id(input ? graph::formatShape(*input) : std::string());
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
