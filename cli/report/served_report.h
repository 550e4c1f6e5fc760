#pragma once

#include <geolicence/lizmap_config.h>
#include <geolicence/localized_text.h>
#include <geolicence/project.h>
#include <geolicence/project_check.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace geolicence::cli {

// `check --target web --format json`: per served layer its channels and the situation it was
// judged in: [{"layer_id", "layer_name", "wms_name", "channels", "downloadable", "context"}].
nlohmann::ordered_json servedToJson(const std::vector<ServedLayer>& served);

// The text report's list of what the services put out, one line per layer.
std::string servedToText(const std::vector<ServedLayer>& served, Language language);

// `inspect --format json`'s "services": what the project tells QGIS Server to serve, as read,
// and the Lizmap configuration next to it (null when there is none, {"error"} when it cannot
// be read).
nlohmann::ordered_json servicesToJson(const Project& project,
                                      const std::optional<LizmapConfig>& lizmap,
                                      const std::string& lizmap_error);

} // namespace geolicence::cli
