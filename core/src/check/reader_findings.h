#pragma once

#include "geolicence/evaluation.h"
#include "geolicence/localized_text.h"
#include "geolicence/project.h"

#include <string>
#include <vector>

namespace geolicence {

// Errors for the layers a check cannot see, so none is skipped silently (a skipped layer is
// a wrong "permitted"):
// - every layer the reader could not read (`Project::unreadable_layers`: an embedded layer or
//   group whose project is missing or unreadable or lacks it, a layer without an id), rule
//   "unreadable-layer", whether or not the selection names it: an unreadable group's contents
//   are unknown, and a broken reference is worth fixing anyway;
// - every selected id the project does not define (a layout map's stored layer set, a theme or
//   the layer tree naming a layer that is not there), rule "unknown-layer".
std::vector<Finding> readerFindings(const Project& project,
                                    const std::vector<std::string>& selected_layer_ids,
                                    Language language);

} // namespace geolicence
