// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a model is: its content. The one place that says how a model's id is made; agents,
// clients, the store and bundles all call it.
#include "core/digest.h"
#include "core/graph/granularity.h"
#include "core/graph/shape.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cleave {

/// A model by content: the bytes of its TorchScript archive, or a zoo architecture with the seed
/// of its weights. The same content under another file name, path or spelling is the same
/// model; a file rewritten with another network is another.
class ModelIdentity
{
public:
    /// The archive in `path`, read once per process while the file stays the same (inode, size,
    /// modification time). Error(NotFound) naming it when it cannot be read.
    static ModelIdentity ofFile(const std::string &path);
    static ModelIdentity ofArchive(std::string_view bytes);
    /// `name` without the "zoo:" prefix.
    static ModelIdentity ofZoo(const std::string &name, uint64_t seed);
    /// `spec` as the command line takes it: "zoo:NAME" or a file.
    static ModelIdentity of(const std::string &spec, uint64_t seed);

    /// "sha256:HEX" of the archive, or "zoo:NAME@SEED": what the store matches models by.
    const std::string &content() const { return m_content; }
    /// The id of the model run on `input` (empty: its own shape) and cut at `granularity`, as
    /// agents name loaded models and the store its records: SHA-256 of the archive's bytes (or
    /// of "zoo:NAME@SEED") followed by "@" and the shape's text, and "/node" at node
    /// granularity (its blocks are others).
    std::string id(const std::optional<graph::Shape> &input,
                   graph::Granularity granularity = graph::Granularity::Block) const;
    std::string id(const std::string &shapeText,
                   graph::Granularity granularity = graph::Granularity::Block) const;

private:
    friend class ModelIdentityBuilder;
    ModelIdentity(std::string content, Sha256 prefix);
    static ModelIdentity readFile(const std::string &path);
    std::string m_content;
    Sha256 m_prefix; ///< the archive's bytes, or "zoo:NAME@SEED", hashed
};

/// Builds the identity of an archive that arrives in pieces (an upload).
class ModelIdentityBuilder
{
public:
    void add(std::string_view bytes);
    ModelIdentity finish() const;

private:
    Sha256 m_whole;
};

} // namespace cleave
