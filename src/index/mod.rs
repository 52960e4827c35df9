//! The tantivy index: schema, build, incremental refresh.
