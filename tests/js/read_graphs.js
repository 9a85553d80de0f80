#!/usr/bin/env node
// Read a GEXF and a GraphML file with Gephi Lite's parsers (graphology-gexf,
// graphology-graphml) and print what they saw as JSON on stdout:
//   {"gexf": {"type", "multi", "attributes", "nodes": {id: attrs}, "edges": [{id, source, target, attrs}]},
//    "graphml": {...}}
// Usage: node read_graphs.js GRAPH.gexf GRAPH.graphml
'use strict';

const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');
const graphml = require('graphology-graphml');

function dump(graph) {
  const nodes = {};
  graph.forEachNode((node, attrs) => {
    nodes[node] = attrs;
  });
  const edges = [];
  graph.forEachEdge((edge, attrs, source, target) => {
    edges.push({id: edge, source, target, attrs});
  });
  return {
    type: graph.type,
    multi: graph.multi,
    attributes: graph.getAttributes(),
    order: graph.order,
    size: graph.size,
    nodes,
    edges
  };
}

function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write('usage: node read_graphs.js GRAPH.gexf GRAPH.graphml\n');
    return 2;
  }
  const [gexfPath, graphmlPath] = argv;
  const out = {
    gexf: dump(gexf.parse(Graph, fs.readFileSync(gexfPath, 'utf-8'))),
    graphml: dump(graphml.parse(Graph, fs.readFileSync(graphmlPath, 'utf-8')))
  };
  process.stdout.write(JSON.stringify(out) + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
