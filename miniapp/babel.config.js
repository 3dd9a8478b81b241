// babel-preset-taro for the Taro builds; plain presets for jest (NODE_ENV=test), which runs the H5 flavour.
module.exports = (api) => {
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
      // as in the H5 build: `Taro.request(...)` becomes the web API library's named export
      plugins: [
        [
          require.resolve('babel-plugin-transform-taroapi'),
          { packageName: '@tarojs/taro', definition: require('@tarojs/plugin-platform-h5/dist/definition.json') },
        ],
      ],
    };
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  };
};
