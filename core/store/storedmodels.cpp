// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/storedmodels.h"

#include "core/error.h"
#include "core/modelid.h"
#include "core/zoo/zoo.h"

#include <algorithm>
#include <filesystem>

namespace cleave::store {

namespace {

bool isDigest(const std::string &text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

/// Records from before the content was kept, recognised by their id: the file's digest with
/// the shape they were loaded for (none, or the one stored).
std::vector<ModelRecord> olderRecordsOf(Store &db, const ModelIdentity &identity)
{
    std::vector<ModelRecord> found;
    for (auto &record : db.models()) {
        if (!record.content.empty())
            continue;
        if (record.sha256 == identity.id(std::string()) ||
            record.sha256 == identity.id(record.inputShape))
            found.push_back(std::move(record));
    }
    return found;
}

/// Records stored under `file`'s name or another spelling of its path.
std::vector<ModelRecord> recordsNamedLike(Store &db, const std::string &file)
{
    auto found = db.modelsNamed(file);
    std::error_code ec;
    const auto wanted = std::filesystem::weakly_canonical(file, ec);
    for (const auto &name : db.modelNames()) {
        if (name == file || ec || zoo::zooName(name))
            continue;
        std::error_code other;
        if (std::filesystem::weakly_canonical(name, other) == wanted && !other)
            for (auto &r : db.modelsNamed(name))
                found.push_back(std::move(r));
    }
    return found;
}

/// The first 12 hex digits of an id or a content ("sha256:HEX"), for people.
std::string shortHex(const std::string &digest)
{
    const auto colon = digest.find(':');
    return digest.substr(colon == std::string::npos ? 0 : colon + 1, 12);
}

std::vector<ModelRecord> storedFile(Store &db, const std::string &file)
{
    const auto identity = ModelIdentity::ofFile(file);
    auto found = db.modelsWithContent(identity.content());
    for (auto &r : olderRecordsOf(db, identity))
        found.push_back(std::move(r));
    if (!found.empty()) {
        std::sort(found.begin(), found.end(),
                  [](const ModelRecord &a, const ModelRecord &b) { return a.id > b.id; });
        return found;
    }
    const auto named = recordsNamedLike(db, file);
    if (named.empty())
        return {};
    const auto &last = named.front();
    const auto when = db.lastRunStarted(last.id).value_or("an unknown date");
    throw Error(ErrorKind::NotFound,
                file + " changed since it was benchmarked on " + when.substr(0, 10) + " (digest " +
                    shortHex(last.content.empty() ? last.sha256 : last.content) + ", now " +
                    shortHex(identity.content()) + "): benchmark it again");
}

} // namespace

namespace {

std::vector<ModelRecord> recordsOf(Store &db, const std::string &spec)
{
    if (const auto name = zoo::zooName(spec))
        return db.modelsNamed("zoo:" + *name);
    std::error_code ec;
    if (std::filesystem::is_regular_file(spec, ec))
        return storedFile(db, spec);
    if (isDigest(spec)) {
        if (auto record = db.model(spec))
            return {*record};
        return db.modelsWithContent("sha256:" + spec);
    }
    return db.modelsNamed(spec);
}

} // namespace

std::vector<ModelRecord> storedModels(Store &db, const std::string &spec,
                                      graph::Granularity granularity)
{
    // A model's own id names one record, whatever its granularity.
    if (isDigest(spec))
        if (auto record = db.model(spec))
            return {*record};
    auto found = recordsOf(db, spec);
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const ModelRecord &r) { return r.granularity != granularity; }),
                found.end());
    return found;
}

ModelRecord recordOf(Store &db, const std::string &spec, uint64_t seed,
                     const std::optional<graph::Shape> &input, const graph::ModelGraph &model)
{
    const auto identity = ModelIdentity::of(spec, seed);
    const auto id = identity.id(input, model.granularity());
    if (const auto known = db.model(id))
        return *known;
    ModelRecord record;
    record.sha256 = id;
    record.content = identity.content();
    record.name = spec;
    record.inputShape = model.inputShape();
    record.blocks = model.blockCount();
    record.parameters = model.parameterCount();
    record.granularity = model.granularity();
    db.addModel(record);
    return *db.model(id);
}

} // namespace cleave::store
