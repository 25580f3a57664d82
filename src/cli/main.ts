#!/usr/bin/env node
console.log("qiwan: under construction");
