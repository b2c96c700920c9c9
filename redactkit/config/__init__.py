"""Declarative configuration: YAML <-> pydantic models <-> constructor arguments, one to one."""

from .schema import ComponentSpec, PipelineConfig, default_config_path, load_config

__all__ = ["ComponentSpec", "PipelineConfig", "default_config_path", "load_config"]
