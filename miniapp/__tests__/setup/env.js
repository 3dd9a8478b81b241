// Runs before any module is loaded: the variables the Taro build would have defined.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
process.env.FRAMEWORK = 'react';
process.env.SUPPORT_TARO_POLYFILL = 'disabled';
// compile-time constants Taro's webpack config defines
global.DEPRECATED_ADAPTER_COMPONENT = false;
global.ENABLE_INNER_HTML = true;
global.ENABLE_ADJACENT_HTML = true;
global.ENABLE_SIZE_APIS = false;
global.ENABLE_TEMPLATE_CONTENT = true;
global.ENABLE_CLONE_NODE = true;
global.ENABLE_CONTAINS = true;
global.ENABLE_MUTATION_OBSERVER = false;
