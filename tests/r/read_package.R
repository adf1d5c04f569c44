# Read every resource of the data package with rOpenSci's frictionless, as an R user would,
# and print what the Python test compares with pandas (one JSON object).
library(frictionless)
package <- read_package(commandArgs(trailingOnly = TRUE)[1])
result <- list()
for (name in resources(package)) {
  table <- suppressMessages(read_resource(package, name))
  result[[name]] <- list(
    rows = nrow(table),
    problems = nrow(readr::problems(table)),
    classes = lapply(table, function(column) class(column)[1]),
    levels = Filter(Negate(is.null), lapply(table, function(column) if (is.factor(column)) I(levels(column))))
  )
}
cat(jsonlite::toJSON(result, auto_unbox = TRUE))
