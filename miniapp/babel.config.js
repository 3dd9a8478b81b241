// babel-preset-taro for the Taro builds; jest uses the same file (see jest.config.js).
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
